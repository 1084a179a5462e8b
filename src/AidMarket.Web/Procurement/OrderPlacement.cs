using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Messaging.Contracts;
using Npgsql;

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
    /// Reserves every line's stock, never below zero whatever runs at the same time on any instance, and splits the order per
    /// supplier, freezing each supplier's plan in force. One round trip: the products are locked in id order (so two orders
    /// never wait on each other), then one conditional UPDATE takes every line that is still orderable and in stock. If any
    /// line is missing, throws Order.NotEnoughStock or Order.NotOrderable naming the first such product; the caller's
    /// transaction rolls the others back.
    /// </summary>
    public static async Task<IReadOnlyList<SupplierOrder>> PlaceAsync(AidMarketDbContext db, PurchaseOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var wanted = order.Lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity), Line: g.First()))
            .OrderBy(l => l.ProductId).ToList();
        var reserved = await ReserveAsync(db, wanted.Select(w => w.ProductId).ToArray(), wanted.Select(w => w.Quantity).ToArray(), today, ct);
        if (wanted.Find(w => !reserved.Contains(w.ProductId)) is { Line: not null } missing)
        {
            var line = missing.Line;
            var orderable = await (from p in db.Products
                                   join s in db.Suppliers on p.SupplierId equals s.Id
                                   where p.Id == missing.ProductId && s.Status == SupplierStatus.Approved
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

    private static Task<HashSet<Guid>> ReserveAsync(AidMarketDbContext db, Guid[] productIds, int[] quantities, DateOnly today, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT id FROM products WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                { Parameters = { new() { Value = productIds } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                UPDATE products p SET stock = p.stock - w.quantity
                FROM unnest($1::uuid[], $2::int[]) AS w(id, quantity), suppliers s
                WHERE p.id = w.id AND s.id = p.supplier_id AND s.status = 'Approved'
                  AND p.certification_status = 'Certified' AND p.certificate_expires_on > $3 AND p.stock >= w.quantity
                RETURNING p.id
                """) { Parameters = { new() { Value = productIds }, new() { Value = quantities }, new() { Value = today } } });
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct); // past the locked ids
            var reserved = new HashSet<Guid>();
            while (await reader.ReadAsync(ct)) reserved.Add(reader.GetGuid(0));
            return reserved;
        }, ct);

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
