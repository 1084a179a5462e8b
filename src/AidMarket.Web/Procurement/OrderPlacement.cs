using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Messaging.Contracts;
using Npgsql;

namespace AidMarket.Web.Procurement;

/// <summary>Places approved orders and cancels placed ones; stock moves only inside the caller's transaction.</summary>
public static class OrderPlacement
{
    /// <summary>The SQL that takes the next order number; <see cref="Number"/> formats it.</summary>
    public const string NextNumberSql = "SELECT nextval('order_numbers')";

    public static string Number(DateTimeOffset now, long next) => $"PO-{now:yyyyMMdd}-{next:D6}";

    public static async Task<string> NextNumberAsync(AidMarketDbContext db, DateTimeOffset now, CancellationToken ct) =>
        Number(now, (long)(await db.ScalarAsync(NextNumberSql, ct))!);

    /// <summary>What an order needs before it exists: its id, its number and the buyer's approval threshold.</summary>
    /// <param name="Plans">The plans in force of the order's suppliers, when the caller read them already.</param>
    public sealed record Header(Guid Id, string Number, long ApprovalThresholdFen, IReadOnlyDictionary<Guid, PlanAtPlacement>? Plans = null);

    /// <summary>Submits a purchase order for a buyer: numbered, approved or waiting by the buyer's threshold, placed when approved.</summary>
    public static async Task<PurchaseOrder> SubmitAsync(AidMarketDbContext db, Guid buyerOrganizationId, string submittedBy, DeliveryDetails delivery,
        IReadOnlyList<OrderLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var threshold = await db.Organizations.Where(o => o.Id == buyerOrganizationId).Select(o => o.ApprovalThresholdFen).SingleAsync(ct);
        var header = new Header(Guid.CreateVersion7(), await NextNumberAsync(db, now, ct), threshold);
        return await SubmitAsync(db, header, buyerOrganizationId, submittedBy, delivery, lines, now, ct);
    }

    /// <summary><see cref="SubmitAsync(AidMarketDbContext, Guid, string, DeliveryDetails, IReadOnlyList{OrderLine}, DateTimeOffset, CancellationToken)"/> with the header already read.</summary>
    public static async Task<PurchaseOrder> SubmitAsync(AidMarketDbContext db, Header header, Guid buyerOrganizationId, string submittedBy,
        DeliveryDetails delivery, IReadOnlyList<OrderLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var order = new PurchaseOrder(buyerOrganizationId, header.Number, submittedBy, delivery, lines, header.ApprovalThresholdFen, now, header.Id);
        db.PurchaseOrders.Add(order);
        if (order.Status != OrderStatus.Approved)
        {
            db.Publish(new PurchaseOrderSubmitted(order.Id, buyerOrganizationId, order.Number, order.TotalFen, order.NeedsApproval, submittedBy));
            return order;
        }
        var placed = Split(db, order, header.Plans ?? await PlansAsync(db, order, ct), now);
        db.Publish(new PurchaseOrderSubmitted(order.Id, buyerOrganizationId, order.Number, order.TotalFen, order.NeedsApproval, submittedBy, Parts(placed)));
        await ReserveAsync(db, order, now, ct);
        return order;
    }

    /// <summary>
    /// Places an approved order: splits it per supplier, freezing each supplier's plan in force, announces it and reserves its
    /// stock (see <see cref="ReserveAsync(AidMarketDbContext, PurchaseOrder, DateTimeOffset, CancellationToken)"/>).
    /// </summary>
    public static async Task<IReadOnlyList<SupplierOrder>> PlaceAsync(AidMarketDbContext db, PurchaseOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var supplierOrders = Split(db, order, await PlansAsync(db, order, ct), now);
        db.Publish(new SupplierOrdersPlaced(order.Id, order.Number, order.BuyerOrganizationId, Parts(supplierOrders)));
        await ReserveAsync(db, order, now, ct);
        return supplierOrders;
    }

    /// <summary>The plan in force of each supplier of the order, to freeze on its supplier orders.</summary>
    private static Task<Dictionary<Guid, PlanAtPlacement>> PlansAsync(AidMarketDbContext db, PurchaseOrder order, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            var supplierIds = order.Lines.Select(l => l.SupplierId).Distinct().ToArray();
            await using var command = new NpgsqlCommand(PlansSql, connection, transaction) { Parameters = { new() { Value = supplierIds } } };
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadPlansAsync(reader, ct);
        }, ct);

    /// <summary>The plans of the suppliers in $1 (a uuid array), as <see cref="ReadPlansAsync"/> reads them.</summary>
    public const string PlansSql = $"SELECT supplier_id, id, household_share_percent FROM benefit_plans WHERE supplier_id = ANY($1) AND status = '{nameof(BenefitPlanStatus.Approved)}'";

    public static async Task<Dictionary<Guid, PlanAtPlacement>> ReadPlansAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var plans = new Dictionary<Guid, PlanAtPlacement>();
        while (await reader.ReadAsync(ct)) plans.Add(reader.GetGuid(0), new PlanAtPlacement(reader.GetGuid(1), reader.GetDecimal(2)));
        return plans;
    }

    private static IReadOnlyList<SupplierOrder> Split(AidMarketDbContext db, PurchaseOrder order, IReadOnlyDictionary<Guid, PlanAtPlacement> plans, DateTimeOffset now)
    {
        var supplierOrders = order.Place(plans, now);
        db.SupplierOrders.AddRange(supplierOrders);
        return supplierOrders;
    }

    private static List<PlacedSupplierOrder> Parts(IEnumerable<SupplierOrder> supplierOrders) =>
        supplierOrders.Select(s => new PlacedSupplierOrder(s.Id, s.SupplierId, s.TotalFen)).ToList();

    /// <summary>
    /// Saves what the transaction has pending, then reserves every line's stock, never below zero whatever runs at the same time
    /// on any instance: the products are locked in id order (so two orders never wait on each other), then one conditional UPDATE
    /// takes every line that is still orderable and in stock, in one round trip. Saving first means the stock rows stay locked
    /// only for the reservation and the commit. If any line is missing, throws Order.NotEnoughStock or Order.NotOrderable naming
    /// the first such product; the caller's transaction rolls everything back.
    /// </summary>
    private static async Task ReserveAsync(AidMarketDbContext db, PurchaseOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var wanted = order.Lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity), Line: g.First()))
            .OrderBy(l => l.ProductId).ToList();
        await db.SaveChangesAsync(ct);
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
