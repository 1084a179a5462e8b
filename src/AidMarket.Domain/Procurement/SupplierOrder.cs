using AidMarket.Domain.Common;

namespace AidMarket.Domain.Procurement;

public enum SupplierOrderStatus { Placed, Confirmed, Shipped, Accepted, Cancelled }

/// <summary>分单: the part of a purchase order one supplier fulfils, with prices and benefit plan frozen at placement.</summary>
public class SupplierOrder
{
    private readonly List<OrderLine> _lines = [];

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
        _lines.AddRange(lines);
        TotalFen = lines.Aggregate(Money.Zero, (sum, l) => sum + l.Total).Fen;
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
    public long TotalFen { get; private set; }
    public SupplierOrderStatus Status { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines;

    public Money Total => new(TotalFen);
    public bool CanCancel => Status is SupplierOrderStatus.Placed or SupplierOrderStatus.Confirmed or SupplierOrderStatus.Cancelled;

    internal void Cancel(DateTimeOffset now)
    {
        if (Status == SupplierOrderStatus.Cancelled) return;
        Status = SupplierOrderStatus.Cancelled;
        CancelledAt = now;
    }
}
