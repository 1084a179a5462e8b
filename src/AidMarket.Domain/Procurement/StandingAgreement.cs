using AidMarket.Domain.Common;

namespace AidMarket.Domain.Procurement;

public enum AgreementStatus { Proposed, Active, Paused, Ended }

public enum AgreementFrequency { Weekly, Monthly }

public sealed record AgreementItem(Guid ProductId, string ProductName, string Unit, int Quantity);

/// <summary>
/// 定向直供协议: a buyer and a supplier agree items delivered on a weekly or monthly schedule for a term. Each due date
/// produces one ordinary purchase order, which goes through approval and stock like any other.
/// </summary>
public class StandingAgreement
{
    private readonly List<AgreementItem> _items = [];

    private StandingAgreement() { CreatedByUserId = DeliveryAddress = ""; }

    public StandingAgreement(Guid buyerOrganizationId, Guid supplierId, string createdByUserId, IReadOnlyList<AgreementItem> items,
        AgreementFrequency frequency, int day, DateOnly startsOn, DateOnly endsOn, string deliveryAddress, DateOnly today)
    {
        if (items.Count == 0 || items.Any(i => i.Quantity <= 0)) throw new DomainException("Agreement.Items", "An agreement needs items with quantities.");
        if (frequency == AgreementFrequency.Weekly && day is < 1 or > 7) throw new DomainException("Agreement.Day", "Choose a day of the week (1 = Monday … 7 = Sunday).");
        if (frequency == AgreementFrequency.Monthly && day is < 1 or > 28) throw new DomainException("Agreement.Day", "Choose a day of the month from 1 to 28.");
        if (startsOn < today) throw new DomainException("Agreement.StartInPast", "The term cannot start in the past.");
        if (endsOn <= startsOn) throw new DomainException("Agreement.Term", "The term must end after it starts.");
        if (string.IsNullOrWhiteSpace(deliveryAddress)) throw new DomainException("Order.AddressRequired", "Enter the delivery address.");
        Id = Guid.CreateVersion7();
        BuyerOrganizationId = buyerOrganizationId;
        SupplierId = supplierId;
        CreatedByUserId = createdByUserId;
        _items.AddRange(items);
        Frequency = frequency;
        Day = day;
        StartsOn = startsOn;
        EndsOn = endsOn;
        DeliveryAddress = deliveryAddress.Trim();
        Status = AgreementStatus.Proposed;
    }

    public Guid Id { get; private set; }
    public Guid BuyerOrganizationId { get; private set; }
    public Guid SupplierId { get; private set; }
    public string CreatedByUserId { get; private set; }
    public AgreementFrequency Frequency { get; private set; }
    /// <summary>Day of the week (1 = Monday) or of the month (1–28) orders fall due.</summary>
    public int Day { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string DeliveryAddress { get; private set; }
    public AgreementStatus Status { get; private set; }
    public DateOnly? NextDueOn { get; private set; }
    public IReadOnlyList<AgreementItem> Items => _items;

    /// <summary>The first due date on or after <paramref name="from"/>.</summary>
    public DateOnly DueOnOrAfter(DateOnly from)
    {
        if (Frequency == AgreementFrequency.Weekly)
        {
            var target = (DayOfWeek)(Day % 7); // 7 = Sunday
            var days = ((int)target - (int)from.DayOfWeek + 7) % 7;
            return from.AddDays(days);
        }
        var candidate = new DateOnly(from.Year, from.Month, Day);
        return candidate >= from ? candidate : candidate.AddMonths(1);
    }

    /// <summary>The supplier accepts; orders fall due from the start of the term, or from today if it has already begun.</summary>
    public void Accept(DateOnly today)
    {
        if (Status != AgreementStatus.Proposed) throw new DomainException("Agreement.NotProposed", "This agreement is not waiting for the supplier.");
        Status = AgreementStatus.Active;
        ScheduleFrom(today > StartsOn ? today : StartsOn);
    }

    public void Pause()
    {
        if (Status != AgreementStatus.Active) throw new DomainException("Agreement.NotActive", "Only an active agreement can be paused.");
        Status = AgreementStatus.Paused;
    }

    /// <summary>Resumes from today: dates missed while paused are not made up.</summary>
    public void Resume(DateOnly today)
    {
        if (Status != AgreementStatus.Paused) throw new DomainException("Agreement.NotPaused", "Only a paused agreement can be resumed.");
        Status = AgreementStatus.Active;
        ScheduleFrom(today > StartsOn ? today : StartsOn);
    }

    public void End()
    {
        if (Status == AgreementStatus.Ended) throw new DomainException("Agreement.Ended", "This agreement has already ended.");
        Status = AgreementStatus.Ended;
        NextDueOn = null;
    }

    /// <summary>After the order for <see cref="NextDueOn"/> was generated (or failed): the next date, or the end of the term.</summary>
    public void Advance()
    {
        if (NextDueOn is not { } due) throw new DomainException("Agreement.NotActive", "Nothing is due.");
        ScheduleFrom(due.AddDays(1));
    }

    private void ScheduleFrom(DateOnly from)
    {
        var next = DueOnOrAfter(from);
        if (next > EndsOn)
        {
            Status = AgreementStatus.Ended;
            NextDueOn = null;
        }
        else NextDueOn = next;
    }
}

/// <summary>One due date of an agreement, recorded once (the database refuses a second): the order it produced or why it could not.</summary>
public class StandingOrderRun
{
    private StandingOrderRun() { }

    public StandingOrderRun(Guid agreementId, DateOnly dueOn, Guid? orderId, string? failure, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        AgreementId = agreementId;
        DueOn = dueOn;
        OrderId = orderId;
        Failure = failure;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public Guid? OrderId { get; private set; }
    public string? Failure { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
