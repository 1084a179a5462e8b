using AidMarket.Domain.Common;

namespace AidMarket.Domain.Producers;

public enum BenefitPlanStatus { Pending, Approved, Rejected, Superseded }

/// <summary>What a supplier declares it passes to households: a share of revenue and how households are linked.</summary>
public sealed record BenefitPlanTerms(decimal HouseholdSharePercent, LinkKind Mechanism, string Description)
{
    public BenefitPlanTerms Validated()
    {
        if (HouseholdSharePercent is <= 0 or > 100 || decimal.Round(HouseholdSharePercent, 2) != HouseholdSharePercent)
            throw new DomainException("Plan.SharePercent", "The household share is a percentage above 0 and at most 100, with at most two decimals.");
        if (string.IsNullOrWhiteSpace(Description))
            throw new DomainException("Plan.DescriptionRequired", "Describe how the households benefit.");
        return this with { Description = Description.Trim() };
    }
}

/// <summary>One version of a supplier's 带贫方案. Versions are kept: approving a new one supersedes, never edits, the old.</summary>
public class BenefitPlan
{
    private BenefitPlan() { Description = ""; }

    internal BenefitPlan(Guid supplierId, int version, BenefitPlanTerms terms, DateTimeOffset now) : this()
    {
        var valid = terms.Validated();
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        Version = version;
        HouseholdSharePercent = valid.HouseholdSharePercent;
        Mechanism = valid.Mechanism;
        Description = valid.Description;
        Status = BenefitPlanStatus.Pending;
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public int Version { get; private set; }
    public decimal HouseholdSharePercent { get; private set; }
    public LinkKind Mechanism { get; private set; }
    public string Description { get; private set; }
    public BenefitPlanStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? InForceFrom { get; private set; }
    public DateTimeOffset? InForceUntil { get; private set; }

    internal void Approve(DateTimeOffset now)
    {
        Status = BenefitPlanStatus.Approved;
        InForceFrom = now;
    }

    internal void Reject(string reason)
    {
        Status = BenefitPlanStatus.Rejected;
        RejectionReason = reason;
    }

    internal void Supersede(DateTimeOffset now)
    {
        Status = BenefitPlanStatus.Superseded;
        InForceUntil = now;
    }
}
