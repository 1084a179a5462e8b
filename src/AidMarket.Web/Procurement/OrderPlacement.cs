using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Procurement;

/// <summary>Places approved orders and cancels placed ones; stock moves only inside the caller's transaction.</summary>
public static class OrderPlacement
{
    public static async Task<string> NextNumberAsync(AidMarketDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var next = (long)(await db.ScalarAsync("SELECT nextval('order_numbers')", ct))!;
        return $"PO-{now:yyyyMMdd}-{next:D6}";
    }

    /// <summary>Submits a purchase order for a buyer: numbered, approved or waiting by the buyer's threshold, placed when approved.</summary>
    public static async Task<PurchaseOrder> SubmitAsync(AidMarketDbContext db, Guid buyerOrganizationId, string submittedBy, DeliveryDetails delivery,
        IReadOnlyList<OrderLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var buyer = await db.Organizations.SingleAsync(o => o.Id == buyerOrganizationId, ct);
        var order = new PurchaseOrder(buyer.Id, await NextNumberAsync(db, now, ct), submittedBy, delivery, lines, buyer.ApprovalThresholdFen, now);
        db.PurchaseOrders.Add(order);
        if (order.Status == OrderStatus.Approved) await PlaceAsync(db, order, now, ct);
        db.Publish(new PurchaseOrderSubmitted(order.Id, buyer.Id, order.Number, order.TotalFen, order.NeedsApproval, submittedBy));
        return order;
    }

    /// <summary>
    /// Reserves every line's stock with a conditional UPDATE (never below zero, whatever runs at the same time, on any
    /// instance) and splits the order per supplier, freezing each supplier's plan in force. Lines are reserved in product
    /// order so two orders never wait on each other. Throws Order.NotEnoughStock or Order.NotOrderable naming the product.
    /// </summary>
    public static async Task<IReadOnlyList<SupplierOrder>> PlaceAsync(AidMarketDbContext db, PurchaseOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var line in order.Lines.OrderBy(l => l.ProductId))
        {
            var reserved = await db.Database.ExecuteSqlAsync($"""
                UPDATE products p SET stock = p.stock - {line.Quantity}
                FROM suppliers s
                WHERE p.id = {line.ProductId} AND s.id = p.supplier_id AND s.status = 'Approved'
                  AND p.certification_status = 'Certified' AND p.certificate_expires_on > {today} AND p.stock >= {line.Quantity}
                """, ct);
            if (reserved == 1) continue;
            var orderable = await (from p in db.Products
                                   join s in db.Suppliers on p.SupplierId equals s.Id
                                   where p.Id == line.ProductId && s.Status == SupplierStatus.Approved
                                         && p.CertificationStatus == CertificationStatus.Certified && p.CertificateExpiresOn > today
                                   select (int?)p.Stock).SingleOrDefaultAsync(ct);
            throw orderable is null
                ? new DomainException("Order.NotOrderable", $"{line.ProductName} is no longer certified for sale.", line.ProductName)
                : new DomainException("Order.NotEnoughStock", $"Not enough stock of {line.ProductName}: {orderable} {line.Unit} left.",
                    line.ProductName, orderable.Value, line.Unit);
        }
        var supplierIds = order.Lines.Select(l => l.SupplierId).Distinct().ToList();
        var plans = await db.BenefitPlans.Where(p => supplierIds.Contains(p.SupplierId) && p.Status == BenefitPlanStatus.Approved)
            .ToDictionaryAsync(p => p.SupplierId, p => new PlanAtPlacement(p.Id, p.HouseholdSharePercent), ct);
        var supplierOrders = order.Place(plans, now);
        db.SupplierOrders.AddRange(supplierOrders);
        foreach (var s in supplierOrders)
            db.Publish(new SupplierOrderPlaced(s.Id, s.OrderId, s.OrderNumber, s.SupplierId, s.BuyerOrganizationId, s.TotalFen));
        return supplierOrders;
    }

    /// <summary>Gives stock back (declined or cancelled lines), in product order like reservations.</summary>
    public static async Task ReleaseAsync(AidMarketDbContext db, IEnumerable<(Guid ProductId, int Quantity)> lines, CancellationToken ct)
    {
        foreach (var (productId, quantity) in lines.OrderBy(l => l.ProductId))
            await db.Database.ExecuteSqlAsync($"UPDATE products SET stock = stock + {quantity} WHERE id = {productId}", ct);
    }

    /// <summary>Cancels the order and gives back the stock of every line not yet shipped.</summary>
    public static async Task CancelAsync(AidMarketDbContext db, PurchaseOrder order, CancellationToken ct)
    {
        var supplierOrders = await db.SupplierOrders.Where(s => s.OrderId == order.Id).ToListAsync(ct);
        var wasPlaced = order.Status == OrderStatus.Placed;
        // Declined lines gave their stock back when they were declined; nothing was shipped (or cancelling is refused).
        var release = supplierOrders.Where(s => s.Status != SupplierOrderStatus.Cancelled)
            .SelectMany(s => s.Lines).Where(l => l.Status != LineStatus.Declined).ToList();
        order.Cancel(supplierOrders, DateTimeOffset.UtcNow);
        if (wasPlaced) await ReleaseAsync(db, release.Select(l => (l.ProductId, l.Quantity)), ct);
    }
}
