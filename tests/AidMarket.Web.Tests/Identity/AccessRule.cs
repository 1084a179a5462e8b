using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Tests.Identity;

/// <summary>Whether a route's ids are checked against the caller's organization (another's id gives 404) or open to all who may call it.</summary>
public enum IdScope { NoId, Organization, Unscoped, TestedElsewhere }

/// <summary>
/// Who may call a route: anonymous visitors, signed-in users of some organization kinds (and roles), or a buyer's API
/// key. <see cref="Ids"/> says how the route's ids are scoped; <see cref="QueryId"/> names a query parameter that carries one.
/// </summary>
public sealed record AccessRule(bool Anonymous, IReadOnlyList<(OrganizationKind Kind, OrganizationRole? Role)> Members, IdScope Ids = IdScope.NoId,
    bool ApiKey = false, string? QueryId = null, int? Answers = null)
{
    public static readonly AccessRule Anyone = new(true, AllKinds());
    public static readonly AccessRule SignedIn = new(false, AllKinds());
    public static readonly AccessRule BuyerApiKey = new(false, [], ApiKey: true);

    /// <summary>No one: the handler exists for the other side of a shared page model and always refuses here.</summary>
    public static readonly AccessRule Nobody = new(false, []);

    public static AccessRule Kinds(params OrganizationKind[] kinds) => new(false, kinds.Select(k => (k, (OrganizationRole?)null)).ToList());

    public static AccessRule Roles(OrganizationKind kind, params OrganizationRole[] roles) =>
        new(false, roles.Select(r => (kind, (OrganizationRole?)r)).ToList());

    public static AccessRule operator |(AccessRule a, AccessRule b) => a with { Anonymous = a.Anonymous || b.Anonymous, Members = [.. a.Members, .. b.Members] };

    /// <summary>Another organization's id gives 404 (the caller's own id works).</summary>
    public AccessRule OwnIds => this with { Ids = IdScope.Organization };

    /// <summary>Any id may be asked for: the records are public, or the caller is the platform.</summary>
    public AccessRule AnyIds => this with { Ids = IdScope.Unscoped };

    /// <summary>The route's ids are scoped, but the demo data has no such record: the test named in the rule's comment covers it.</summary>
    public AccessRule IdsTestedElsewhere => this with { Ids = IdScope.TestedElsewhere };

    public bool Allows(OrganizationKind? kind, OrganizationRole? role) =>
        kind is null ? Anonymous : Members.Any(m => m.Kind == kind && (m.Role is null || m.Role == role));

    private static List<(OrganizationKind, OrganizationRole?)> AllKinds() => Enum.GetValues<OrganizationKind>().Select(k => (k, (OrganizationRole?)null)).ToList();
}
