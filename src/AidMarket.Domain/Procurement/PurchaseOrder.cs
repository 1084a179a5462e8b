using AidMarket.Domain.Common;

namespace AidMarket.Domain.Procurement;

public enum OrderStatus { AwaitingApproval, Approved, Rejected, Placed, Cancelled }

/// <summary>A line as the buyer ordered it: the product, its supplier and the tier price at submission, frozen.</summary>
public sealed record OrderLine(Guid ProductId, Guid SupplierId, string ProductName, string Unit, int Quantity, Money UnitPrice)
{
    public Money Total => UnitPrice * Quantity;
}

public sealed record DeliveryDetails(string BuyerPoNumber, string CostCenter, string Address, DateOnly RequestedOn, string Notes)
{
    public DeliveryDetails Validated(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Address)) throw new DomainException("Order.AddressRequired", "Enter the delivery address.");
        if (RequestedOn < today) throw new DomainException("Order.DateInPast", "The requested delivery date cannot be in the past.");
        return this with { BuyerPoNumber = BuyerPoNumber.Trim(), CostCenter = CostCenter.Trim(), Address = Address.Trim(), Notes = Notes.Trim() };
    }
}

/// <summary>
/// 采购订单: a buyer's purchase order across suppliers. Above the organization's threshold it waits for an approver
/// who did not submit it; once approved it is placed: split per supplier, with stock reserved.
/// </summary>
public class PurchaseOrder
{
    private List<OrderLine> _lines = [];

    private PurchaseOrder() { Number = SubmittedByUserId = ""; Delivery = null!; }

    public PurchaseOrder(Guid buyerOrganizationId, string number, string submittedByUserId, DeliveryDetails delivery,
        IReadOnlyList<OrderLine> lines, Money approvalThreshold, DateTimeOffset now, Guid? id = null)
    {
        if (lines.Count == 0) throw new DomainException("Order.Empty", "The cart is empty.");
        if (lines.Any(l => l.Quantity <= 0)) throw new DomainException("Order.Quantity", "Every quantity must be at least one.");
        if (lines.Select(l => l.ProductId).Distinct().Count() != lines.Count) throw new DomainException("Order.ProductTwice", "Each product appears once in an order.");
        Id = id ?? Guid.CreateVersion7();
        BuyerOrganizationId = buyerOrganizationId;
        Number = number;
        SubmittedByUserId = submittedByUserId;
        Delivery = delivery.Validated(DateOnly.FromDateTime(now.UtcDateTime));
        SubmittedAt = now;
        _lines.AddRange(lines);
        Total = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Total);
        Status = Total > approvalThreshold ? OrderStatus.AwaitingApproval : OrderStatus.Approved;
    }

    public Guid Id { get; private set; }
    public Guid BuyerOrganizationId { get; private set; }
    /// <summary>AidMarket's own order number, readable: PO-20261122-0001.</summary>
    public string Number { get; private set; }
    public string SubmittedByUserId { get; private set; }
    public DeliveryDetails Delivery { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public OrderStatus Status { get; private set; }
    public Money Total { get; private set; }
    public string? ApprovedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines;

    public bool NeedsApproval => Status == OrderStatus.AwaitingApproval;

    public void Approve(string approverUserId, DateTimeOffset now)
    {
        if (Status != OrderStatus.AwaitingApproval) throw new DomainException("Order.NotAwaitingApproval", "This order is not waiting for approval.");
        if (approverUserId == SubmittedByUserId) throw new DomainException("Order.OwnApproval", "An order cannot be approved by the person who submitted it.");
        Status = OrderStatus.Approved;
        ApprovedByUserId = approverUserId;
        DecidedAt = now;
    }

    public void Reject(string approverUserId, string reason, DateTimeOffset now)
    {
        if (Status != OrderStatus.AwaitingApproval) throw new DomainException("Order.NotAwaitingApproval", "This order is not waiting for approval.");
        if (approverUserId == SubmittedByUserId) throw new DomainException("Order.OwnApproval", "An order cannot be approved by the person who submitted it.");
        var why = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Review.ReasonRequired", "Please give a reason.") : reason.Trim();
        Status = OrderStatus.Rejected;
        RejectionReason = why;
        ApprovedByUserId = approverUserId;
        DecidedAt = now;
    }

    /// <summary>Splits the approved order into one supplier order per supplier; stock is reserved by the caller in the same transaction.</summary>
    public IReadOnlyList<SupplierOrder> Place(IReadOnlyDictionary<Guid, PlanAtPlacement> plans, DateTimeOffset now)
    {
        if (Status != OrderStatus.Approved) throw new DomainException("Order.NotApproved", "Only an approved order can be placed.");
        Status = OrderStatus.Placed;
        return _lines.GroupBy(l => l.SupplierId)
            .Select(g => new SupplierOrder(this, g.Key, plans[g.Key], g.ToList(), now))
            .ToList();
    }

    /// <summary>Cancelled before anything was shipped; the caller releases the reserved stock.</summary>
    public void Cancel(IReadOnlyList<SupplierOrder> supplierOrders, DateTimeOffset now)
    {
        if (Status is OrderStatus.Cancelled or OrderStatus.Rejected) throw new DomainException("Order.AlreadyClosed", "This order is already closed.");
        if (supplierOrders.Any(s => !s.CanCancel)) throw new DomainException("Order.AlreadyShipped", "Part of this order has been shipped; it can no longer be cancelled.");
        foreach (var s in supplierOrders) s.Cancel(now);
        Status = OrderStatus.Cancelled;
        DecidedAt = now;
    }
}

/// <summary>The supplier's benefit plan in force when the order was placed: the household share is frozen with the order.</summary>
public sealed record PlanAtPlacement(Guid PlanId, decimal HouseholdSharePercent);
