using AidMarket.Domain.Common;

namespace AidMarket.Domain.Procurement;

public enum SupplierOrderStatus { Placed, Confirmed, Declined, PartiallyShipped, Shipped, Accepted, Cancelled }

/// <summary>分单: the part of a purchase order one supplier fulfils, with prices and benefit plan frozen at placement.</summary>
public class SupplierOrder
{
    private List<SupplierOrderLine> _lines = [];

    private SupplierOrder() { OrderNumber = ""; }

    internal SupplierOrder(PurchaseOrder order, Guid supplierId, PlanAtPlacement plan, IReadOnlyList<OrderLine> lines, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        OrderId = order.Id;
        OrderNumber = order.Number;
        BuyerOrganizationId = order.BuyerOrganizationId;
        SupplierId = supplierId;
        PlanId = plan.PlanId;
        HouseholdSharePercent = plan.HouseholdSharePercent;
        _lines.AddRange(lines.Select(l => new SupplierOrderLine(l)));
        Total = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Total);
        Status = SupplierOrderStatus.Placed;
        PlacedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public string OrderNumber { get; private set; }
    public Guid BuyerOrganizationId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid PlanId { get; private set; }
    public decimal HouseholdSharePercent { get; private set; }
    public Money Total { get; private set; }
    public SupplierOrderStatus Status { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public IReadOnlyList<SupplierOrderLine> Lines => _lines;
    public int ShipmentCount { get; private set; }

    /// <summary>What the buyer accepted: the amount to be paid and settled.</summary>
    public Money Payable => _lines.Aggregate(Money.Zero, (sum, l) => sum + l.Payable);
    public bool CanCancel => ShipmentCount == 0 && Status is SupplierOrderStatus.Placed or SupplierOrderStatus.Confirmed or SupplierOrderStatus.Declined
        or SupplierOrderStatus.Cancelled;

    /// <summary>The supplier confirms every line except those it declines (with a reason). Returns the declined lines, whose stock goes back.</summary>
    public IReadOnlyList<SupplierOrderLine> Confirm(IReadOnlyDictionary<Guid, string> declined, DateTimeOffset now)
    {
        if (Status != SupplierOrderStatus.Placed) throw new DomainException("SupplierOrder.NotPlaced", "This order has already been confirmed or closed.");
        if (declined.Keys.Any(id => _lines.All(l => l.ProductId != id))) throw new DomainException("SupplierOrder.NoSuchLine", "There is no such line.");
        foreach (var line in _lines) line.Decide(declined.TryGetValue(line.ProductId, out var reason) ? reason : null);
        Status = _lines.All(l => l.Status == LineStatus.Declined) ? SupplierOrderStatus.Declined : SupplierOrderStatus.Confirmed;
        ConfirmedAt = now;
        return _lines.Where(l => l.Status == LineStatus.Declined).ToList();
    }

    /// <summary>Ships some of what is confirmed (partial shipments allowed); the shipment is the delivery note.</summary>
    /// <param name="part">This order's place among its purchase order's supplier orders (1 for the first by supplier id), which
    /// keeps its delivery note numbers apart from theirs.</param>
    public Shipment Ship(IReadOnlyList<ShipmentLine> lines, string? carrier, string? trackingNumber, DateTimeOffset now, int part = 1)
    {
        if (Status is not (SupplierOrderStatus.Confirmed or SupplierOrderStatus.PartiallyShipped))
            throw new DomainException("SupplierOrder.NotShippable", "Only a confirmed order can be shipped.");
        if (lines.Count == 0 || lines.All(l => l.Quantity == 0)) throw new DomainException("Shipment.Empty", "Enter what this shipment contains.");
        foreach (var shipped in lines.Where(l => l.Quantity != 0))
            (_lines.SingleOrDefault(l => l.ProductId == shipped.ProductId) ?? throw new DomainException("SupplierOrder.NoSuchLine", "There is no such line."))
                .Ship(shipped.Quantity);
        ShipmentCount++;
        Status = _lines.All(l => l.LeftToShip == 0) ? SupplierOrderStatus.Shipped : SupplierOrderStatus.PartiallyShipped;
        return new Shipment(this, part, ShipmentCount, lines.Where(l => l.Quantity != 0).ToList(), carrier, trackingNumber, now);
    }

    /// <summary>
    /// After a partial shipment, the supplier closes what will not be shipped (with a reason); returns the quantities whose
    /// reserved stock goes back. The order then counts as shipped and can be accepted in full.
    /// </summary>
    public IReadOnlyList<(Guid ProductId, int Quantity)> CloseRest(string reason, DateTimeOffset now)
    {
        if (Status != SupplierOrderStatus.PartiallyShipped)
            throw new DomainException("SupplierOrder.NotPartlyShipped", "Only an order that is partly shipped can have its rest closed.");
        ClosedReason = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Review.ReasonRequired", "Please give a reason.") : reason.Trim();
        var released = _lines.Select(l => (l.ProductId, Quantity: l.CloseRest())).Where(x => x.Quantity > 0).ToList();
        Status = SupplierOrderStatus.Shipped;
        if (_lines.All(l => l.AwaitingAcceptance == 0) && _lines.Any(l => l.Shipped > 0))
        {
            Status = SupplierOrderStatus.Accepted;
            AcceptedAt = now;
        }
        return released;
    }

    public string? ClosedReason { get; private set; }

    /// <summary>The buyer's receiver records what arrived: accepted, short or rejected per line. Accepted quantities set what is payable.</summary>
    public void Receive(IReadOnlyDictionary<Guid, (int Accepted, int Rejected, string? Reason)> received, DateTimeOffset now)
    {
        if (Status is not (SupplierOrderStatus.PartiallyShipped or SupplierOrderStatus.Shipped))
            throw new DomainException("SupplierOrder.NothingToAccept", "Nothing of this order has arrived to be accepted.");
        if (received.Values.All(r => r.Accepted == 0 && r.Rejected == 0)) throw new DomainException("Acceptance.Empty", "Enter what arrived.");
        foreach (var (productId, (accepted, rejected, reason)) in received)
            (_lines.SingleOrDefault(l => l.ProductId == productId) ?? throw new DomainException("SupplierOrder.NoSuchLine", "There is no such line."))
                .Receive(accepted, rejected, reason);
        if (Status == SupplierOrderStatus.Shipped && _lines.All(l => l.AwaitingAcceptance == 0))
        {
            Status = SupplierOrderStatus.Accepted;
            AcceptedAt = now;
        }
    }

    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    /// <summary>When settlement split this order into the ledger; null until then.</summary>
    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>结算: an accepted order is settled once; a second settlement is refused.</summary>
    public void MarkSettled(DateTimeOffset now)
    {
        if (Status != SupplierOrderStatus.Accepted)
            throw new DomainException("SupplierOrder.NotAccepted", "Only an accepted order can be settled.", OrderNumber);
        if (SettledAt is not null)
            throw new DomainException("SupplierOrder.AlreadySettled", "This order has already been settled.", OrderNumber);
        SettledAt = now;
    }

    internal void Cancel(DateTimeOffset now)
    {
        if (Status == SupplierOrderStatus.Cancelled) return;
        Status = SupplierOrderStatus.Cancelled;
        CancelledAt = now;
    }
}
