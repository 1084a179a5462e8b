using AidMarket.Domain.Common;

namespace AidMarket.Domain.Producers;

public enum SupplierKind { Cooperative, Workshop, LeadingEnterprise, FamilyFarm }

public enum SupplierStatus { Pending, Approved, Rejected, Suspended }

/// <summary>帮扶主体: the selling side of a supplier organization and its benefit plan.</summary>
public class Supplier
{
    private Supplier() { LegalName = CountyCode = ""; }

    public Supplier(Guid organizationId, SupplierKind kind, string legalName, string countyCode, decimal householdSharePercent)
    {
        if (householdSharePercent is < 0 or > 100)
            throw new DomainException("Supplier.SharePercent", "The household share must be between 0 and 100 percent.");
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        Kind = kind;
        LegalName = legalName;
        CountyCode = countyCode;
        HouseholdSharePercent = householdSharePercent;
        Status = SupplierStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public SupplierKind Kind { get; private set; }
    public string LegalName { get; private set; }
    public string CountyCode { get; private set; }
    public SupplierStatus Status { get; private set; }
    /// <summary>带贫方案: the part of revenue passed to linked households.</summary>
    public decimal HouseholdSharePercent { get; private set; }

    public void Approve()
    {
        if (Status is not (SupplierStatus.Pending or SupplierStatus.Suspended))
            throw new DomainException("Supplier.CannotApprove", "Only a pending or suspended supplier can be approved.");
        Status = SupplierStatus.Approved;
    }
}
