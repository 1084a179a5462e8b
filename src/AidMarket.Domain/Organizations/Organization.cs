using AidMarket.Domain.Common;

namespace AidMarket.Domain.Organizations;

public enum OrganizationKind { Platform, County, Supplier, Buyer, PartnerDistrict }

public enum OrganizationRole { Admin, Officer, Manager, Purchaser, Approver, Finance, Receiver }

public enum BuyerKind { GovernmentCanteen, SchoolCanteen, HospitalCanteen, StateEnterprise, LaborUnion, PartnerDistrict }

public class Organization
{
    private Organization() { Name = ""; }

    public Organization(OrganizationKind kind, string name, string? countyCode = null, BuyerKind? buyerKind = null)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("Organization.NameRequired", "An organization needs a name.");
        if (kind is OrganizationKind.County or OrganizationKind.Supplier && string.IsNullOrEmpty(countyCode))
            throw new DomainException("Organization.CountyRequired", "A county office or supplier belongs to a county.");
        if (kind == OrganizationKind.Buyer && buyerKind is null)
            throw new DomainException("Organization.BuyerKindRequired", "A buyer organization needs a buyer kind.");
        Id = Guid.CreateVersion7();
        Kind = kind;
        Name = name.Trim();
        CountyCode = countyCode;
        BuyerKind = kind == OrganizationKind.Buyer ? buyerKind : null;
        CreatedAt = DateTimeOffset.UtcNow;
    }

    public Guid Id { get; private set; }
    public OrganizationKind Kind { get; private set; }
    public string Name { get; private set; }
    /// <summary>The county a county office or supplier belongs to.</summary>
    public string? CountyCode { get; private set; }
    public BuyerKind? BuyerKind { get; private set; }
    /// <summary>For a partner district: the name of the eastern district (e.g. 海珠区).</summary>
    public string? PartnerDistrictName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>For a buyer: purchase orders above this total wait for an approver (default ¥5,000.00).</summary>
    public Money ApprovalThreshold { get; private set; } = DefaultApprovalThreshold;

    public static readonly Money DefaultApprovalThreshold = new(500_000);

    public void SetApprovalThreshold(Money threshold)
    {
        if (Kind != OrganizationKind.Buyer) throw new DomainException("Organization.NotBuyer", "Only a buyer organization approves orders.");
        if (threshold < Money.Zero) throw new DomainException("Organization.Threshold", "The approval threshold cannot be negative.");
        ApprovalThreshold = threshold;
    }

    public void PairWithDistrict(string districtName)
    {
        if (Kind != OrganizationKind.PartnerDistrict)
            throw new DomainException("Organization.NotPartner", "Only a partner district has a paired district.");
        PartnerDistrictName = districtName;
    }

    public void EnsureRoleAllowed(OrganizationRole role)
    {
        if (!OrganizationRoles.IsAllowed(Kind, role))
            throw new DomainException("Organization.RoleNotAllowed", $"The role {role} does not exist in a {Kind} organization.");
    }
}

public static class OrganizationRoles
{
    private static readonly Dictionary<OrganizationKind, OrganizationRole[]> Allowed = new()
    {
        [OrganizationKind.Platform] = [OrganizationRole.Admin],
        [OrganizationKind.County] = [OrganizationRole.Officer],
        [OrganizationKind.Supplier] = [OrganizationRole.Manager],
        [OrganizationKind.Buyer] =
            [OrganizationRole.Purchaser, OrganizationRole.Approver, OrganizationRole.Finance, OrganizationRole.Receiver, OrganizationRole.Admin],
        [OrganizationKind.PartnerDistrict] = [OrganizationRole.Officer],
    };

    public static IReadOnlyList<OrganizationRole> For(OrganizationKind kind) => Allowed[kind];

    public static bool IsAllowed(OrganizationKind kind, OrganizationRole role) => Allowed[kind].Contains(role);

    /// <summary>Who may invite users into an organization: its admin-like role.</summary>
    public static bool CanInvite(OrganizationKind kind, OrganizationRole role) =>
        kind == OrganizationKind.Platform || role is OrganizationRole.Admin or OrganizationRole.Manager
        || (kind is OrganizationKind.County or OrganizationKind.PartnerDistrict && role == OrganizationRole.Officer);
}
