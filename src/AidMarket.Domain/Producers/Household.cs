using AidMarket.Domain.Common;

namespace AidMarket.Domain.Producers;

public enum HouseholdStatus { Registered, Monitored, Edge }

public enum LinkKind { ProduceSupply, Employment, Dividend }

/// <summary>A registered (建档立卡) household of a county.</summary>
public class Household
{
    private Household() { CountyCode = HeadName = Village = CardCode = ""; }

    public Household(string countyCode, string headName, string village, int size, HouseholdStatus status, string cardCode)
    {
        if (size < 1) throw new DomainException("Household.Size", "A household has at least one member.");
        Id = Guid.CreateVersion7();
        CountyCode = countyCode;
        HeadName = headName;
        Village = village;
        Size = size;
        Status = status;
        CardCode = cardCode;
    }

    public Guid Id { get; private set; }
    public string CountyCode { get; private set; }
    public string HeadName { get; private set; }
    public string Village { get; private set; }
    public int Size { get; private set; }
    public HouseholdStatus Status { get; private set; }
    /// <summary>明白卡 code printed for the household to look up its statement.</summary>
    public string CardCode { get; private set; }

    /// <summary>Public pages never show a full name: 张三丰 → 张**.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);
}

/// <summary>利益联结: how a household gains from a supplier, with a weight for splitting income.</summary>
public class BenefitLink
{
    private BenefitLink() { }

    public BenefitLink(Guid supplierId, Guid householdId, LinkKind kind, int weight, DateOnly startsOn)
    {
        if (weight <= 0) throw new DomainException("BenefitLink.Weight", "A link's weight must be positive.");
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        HouseholdId = householdId;
        Kind = kind;
        Weight = weight;
        StartsOn = startsOn;
    }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public LinkKind Kind { get; private set; }
    public int Weight { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
}
