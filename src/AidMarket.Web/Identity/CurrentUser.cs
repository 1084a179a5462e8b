using System.Security.Claims;
using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Identity;

public static class AppClaims
{
    public const string OrganizationId = "aidmarket:org";
    public const string OrganizationKind = "aidmarket:org_kind";
    public const string Role = "aidmarket:role";
    public const string DisplayName = "aidmarket:name";
    public const string CountyCode = "aidmarket:county";
}

public static class Policies
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string OrganizationInviter = nameof(OrganizationInviter);
    public const string SupplierManager = nameof(SupplierManager);
    public const string CountyOfficer = nameof(CountyOfficer);
    public const string BuyerMember = nameof(BuyerMember);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(PlatformAdmin, p => p.RequireClaim(AppClaims.OrganizationKind, nameof(OrganizationKind.Platform)));
        options.AddPolicy(SupplierManager, p => p.RequireClaim(AppClaims.OrganizationKind, nameof(OrganizationKind.Supplier)));
        options.AddPolicy(CountyOfficer, p => p.RequireClaim(AppClaims.OrganizationKind, nameof(OrganizationKind.County))
            .RequireClaim(AppClaims.CountyCode));
        options.AddPolicy(BuyerMember, p => p.RequireClaim(AppClaims.OrganizationKind, nameof(OrganizationKind.Buyer)));
        options.AddPolicy(OrganizationInviter, p => p.RequireAssertion(c =>
            CurrentUser.From(c.User) is { OrganizationId: not null } u && OrganizationRoles.CanInvite(u.Kind!.Value, u.Role!.Value)));
    }
}

/// <summary>Who is asking, read from the sign-in cookie: every query for organization data filters by <see cref="OrganizationId"/>.</summary>
public sealed record CurrentUser(string? UserId, string DisplayName, Guid? OrganizationId, OrganizationKind? Kind, OrganizationRole? Role,
    string? CountyCode = null)
{
    /// <summary>The county an officer answers for; null for everyone else.</summary>
    public string? OfficerCounty => Kind == OrganizationKind.County ? CountyCode : null;

    public bool IsPlatformAdmin => Kind == OrganizationKind.Platform;
    public bool IsPurchaser => Is(OrganizationKind.Buyer, OrganizationRole.Purchaser);
    public bool Is(OrganizationKind kind) => Kind == kind;
    public bool Is(OrganizationKind kind, OrganizationRole role) => Kind == kind && Role == role;

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return new CurrentUser(null, "", null, null, null);
        return new CurrentUser(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(AppClaims.DisplayName) ?? principal.Identity.Name ?? "",
            Guid.TryParse(principal.FindFirstValue(AppClaims.OrganizationId), out var org) ? org : null,
            Enum.TryParse<OrganizationKind>(principal.FindFirstValue(AppClaims.OrganizationKind), out var kind) ? kind : null,
            Enum.TryParse<OrganizationRole>(principal.FindFirstValue(AppClaims.Role), out var role) ? role : null,
            principal.FindFirstValue(AppClaims.CountyCode));
    }
}
