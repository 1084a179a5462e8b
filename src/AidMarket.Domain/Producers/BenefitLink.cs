using AidMarket.Domain.Common;

namespace AidMarket.Domain.Producers;

public enum LinkKind { ProduceSupply, Employment, Dividend }

public enum LinkStatus { Proposed, Confirmed, Rejected }

/// <summary>利益联结: how a household gains from a supplier, with a weight for splitting income. The county confirms it.</summary>
public class BenefitLink
{
    private BenefitLink() { }

    public BenefitLink(Guid supplierId, Guid householdId, LinkKind kind, int weight, DateOnly startsOn, DateOnly? endsOn, DateTimeOffset now)
    {
        if (weight is < 1 or > 1000) throw new DomainException("BenefitLink.Weight", "A link's weight is a whole number from 1 to 1000.");
        if (endsOn is { } end && end < startsOn) throw new DomainException("BenefitLink.Dates", "A link cannot end before it starts.");
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        HouseholdId = householdId;
        Kind = kind;
        Weight = weight;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Status = LinkStatus.Proposed;
        ProposedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public LinkKind Kind { get; private set; }
    public int Weight { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public LinkStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsActiveOn(DateOnly day) => Status == LinkStatus.Confirmed && StartsOn <= day && (EndsOn is null || day <= EndsOn);

    public void Confirm(DateTimeOffset now)
    {
        EnsureProposed();
        Status = LinkStatus.Confirmed;
        DecidedAt = now;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        EnsureProposed();
        var why = Supplier.RequireReason(reason);
        Status = LinkStatus.Rejected;
        RejectionReason = why;
        DecidedAt = now;
    }

    public void End(DateOnly on, DateTimeOffset now)
    {
        if (Status != LinkStatus.Confirmed) throw new DomainException("BenefitLink.NotConfirmed", "Only a confirmed link can be ended.");
        if (on < StartsOn) throw new DomainException("BenefitLink.Dates", "A link cannot end before it starts.");
        EndsOn = on; // stays confirmed: income earned before the end still follows it
        DecidedAt = now;
    }

    private void EnsureProposed()
    {
        if (Status != LinkStatus.Proposed) throw new DomainException("BenefitLink.NotProposed", "This link has already been decided.");
    }
}
