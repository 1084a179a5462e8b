using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Catalog;
using AidMarket.Web.Messaging.Contracts;
using Npgsql;

namespace AidMarket.Web.Procurement;

/// <summary>Places approved orders and cancels placed ones; stock moves only inside the caller's transaction.</summary>
public static class OrderPlacement
{
    /// <summary>The SQL expression that takes the next order number; <see cref="Number"/> formats it.</summary>
    public const string NextNumber = "nextval('order_numbers')";

    public static string Number(DateTimeOffset now, long next) => $"PO-{now:yyyyMMdd}-{next:D6}";

    public static async Task<string> NextNumberAsync(AidMarketDbContext db, DateTimeOffset now, CancellationToken ct) =>
        Number(now, (long)(await db.ScalarAsync("SELECT " + NextNumber, ct))!);

    /// <summary>What an order needs before it exists: its id, its number and the buyer's approval threshold.</summary>
    /// <param name="Plans">The plans in force of the order's suppliers, when the caller read them already.</param>
    public sealed record Header(Guid Id, string Number, long ApprovalThresholdFen, IReadOnlyDictionary<Guid, PlanAtPlacement>? Plans = null);

    /// <summary>A submitted order and, when it was placed at once, its supplier orders. Written, not tracked by the context.</summary>
    public sealed record Submitted(PurchaseOrder Order, IReadOnlyList<SupplierOrder> SupplierOrders);

    /// <summary>Submits a purchase order for a buyer: numbered, approved or waiting by the buyer's threshold, placed when approved.</summary>
    public static async Task<Submitted> SubmitAsync(AidMarketDbContext db, Guid buyerOrganizationId, string submittedBy, DeliveryDetails delivery,
        IReadOnlyList<OrderLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var threshold = await db.Organizations.Where(o => o.Id == buyerOrganizationId).Select(o => o.ApprovalThresholdFen).SingleAsync(ct);
        var header = new Header(Guid.CreateVersion7(), await NextNumberAsync(db, now, ct), threshold);
        return await SubmitAsync(db, header, buyerOrganizationId, submittedBy, delivery, lines, now, ct);
    }

    /// <summary>
    /// <see cref="SubmitAsync(AidMarketDbContext, Guid, string, DeliveryDetails, IReadOnlyList{OrderLine}, DateTimeOffset, CancellationToken)"/>
    /// with the header already read. Inside the caller's transaction, one round trip writes the order, its supplier orders and its
    /// announcement and reserves the stock (see <see cref="WriteAndReserveAsync"/>); the new rows are not tracked by the context
    /// (decision note 018). Throws Order.NotEnoughStock or Order.NotOrderable naming the first product that cannot be had; the
    /// caller's transaction then rolls everything back.
    /// </summary>
    public static async Task<Submitted> SubmitAsync(AidMarketDbContext db, Header header, Guid buyerOrganizationId, string submittedBy,
        DeliveryDetails delivery, IReadOnlyList<OrderLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("An order is submitted inside a transaction.");
        var order = new PurchaseOrder(buyerOrganizationId, header.Number, submittedBy, delivery, lines, header.ApprovalThresholdFen, now, header.Id);
        IReadOnlyList<SupplierOrder> placed = order.Status == OrderStatus.Approved ? order.Place(header.Plans ?? await PlansAsync(db, order, ct), now) : [];
        var announcement = db.PublishRow(new PurchaseOrderSubmitted(order.Id, buyerOrganizationId, order.Number, order.TotalFen, order.NeedsApproval,
            submittedBy, placed.Count > 0 ? Parts(placed) : null));
        IEnumerable<NpgsqlBatchCommand> rows = placed.Count > 0
            ? [RowInsert.Row(db, order), RowInsert.Rows(db, placed), RowInsert.Row(db, announcement)]
            : [RowInsert.Row(db, order), RowInsert.Row(db, announcement)];
        await WriteAndReserveAsync(db, rows, placed.Count > 0 ? order : null, now, ct);
        return new Submitted(order, placed);
    }

    /// <summary>
    /// Places an approved order: splits it per supplier, freezing each supplier's plan in force, announces it and reserves its
    /// stock. The order and its supplier orders are tracked: they are saved before the stock is locked, so the stock rows stay
    /// locked only for the reservation and the commit.
    /// </summary>
    public static async Task<IReadOnlyList<SupplierOrder>> PlaceAsync(AidMarketDbContext db, PurchaseOrder order, DateTimeOffset now, CancellationToken ct)
    {
        var supplierOrders = order.Place(await PlansAsync(db, order, ct), now);
        db.SupplierOrders.AddRange(supplierOrders);
        db.Publish(new SupplierOrdersPlaced(order.Id, order.Number, order.BuyerOrganizationId, Parts(supplierOrders)));
        await db.SaveChangesAsync(ct);
        await WriteAndReserveAsync(db, [], order, now, ct);
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

    /// <summary>The plans in force of the suppliers in $1 (a uuid array), as <see cref="ReadPlansAsync"/> reads them.</summary>
    private const string PlansSql = $"SELECT supplier_id, id, household_share_percent FROM benefit_plans WHERE status = '{nameof(BenefitPlanStatus.Approved)}' AND supplier_id = ANY($1)";

    private static async Task<Dictionary<Guid, PlanAtPlacement>> ReadPlansAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var plans = new Dictionary<Guid, PlanAtPlacement>();
        while (await reader.ReadAsync(ct)) plans.Add(reader.GetGuid(0), new PlanAtPlacement(reader.GetGuid(1), reader.GetDecimal(2)));
        return plans;
    }

    private static List<PlacedSupplierOrder> Parts(IEnumerable<SupplierOrder> supplierOrders) =>
        supplierOrders.Select(s => new PlacedSupplierOrder(s.Id, s.SupplierId, s.TotalFen)).ToList();

    /// <summary>
    /// Whether a product (alias p, with its supplier as s) can be ordered on the day in parameter $<paramref name="today"/>:
    /// certified, its certificate still valid, its supplier approved. The storefront's rule (StorefrontQuery.OnSale) in SQL.
    /// </summary>
    public static string OrderableSql(int today) =>
        $"s.status = '{nameof(SupplierStatus.Approved)}' AND p.certification_status = '{nameof(CertificationStatus.Certified)}' AND p.certificate_expires_on > ${today}";

    /// <summary>
    /// Runs <paramref name="writes"/>, then reserves every line's stock of <paramref name="reserveFor"/> (when given), in one round
    /// trip. Never below zero whatever runs at the same time on any instance: the products are locked in id order (so two orders
    /// never wait on each other), then one conditional UPDATE takes every line that is still orderable and in stock. If any line
    /// is missing, throws Order.NotEnoughStock or Order.NotOrderable naming the first such product; the caller's transaction then
    /// rolls everything back.
    /// </summary>
    private static async Task WriteAndReserveAsync(AidMarketDbContext db, IEnumerable<NpgsqlBatchCommand> writes, PurchaseOrder? reserveFor,
        DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var wanted = (reserveFor?.Lines ?? []).GroupBy(l => l.ProductId)
            .Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity), Line: g.First())).OrderBy(w => w.ProductId).ToList();
        var reserved = await db.OnConnectionAsync(async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var write in writes) batch.BatchCommands.Add(write);
            if (wanted.Count > 0)
            {
                var ids = wanted.Select(w => w.ProductId).ToArray();
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT id FROM products WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                    { Parameters = { new() { Value = ids } } });
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                    UPDATE products p SET stock = p.stock - w.quantity
                    FROM unnest($1::uuid[], $2::int[]) AS w(id, quantity), suppliers s
                    WHERE p.id = w.id AND s.id = p.supplier_id AND {OrderableSql(3)} AND p.stock >= w.quantity
                    RETURNING p.id
                    """) { Parameters = { new() { Value = ids }, new() { Value = wanted.Select(w => w.Quantity).ToArray() }, new() { Value = today } } });
            }
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var taken = new HashSet<Guid>();
            do
            {
                taken.Clear(); // only the last result counts: the locked ids come before the reserved ones
                while (await reader.ReadAsync(ct)) taken.Add(reader.GetGuid(0));
            } while (await reader.NextResultAsync(ct));
            return taken;
        }, ct);
        if (wanted.Find(w => !reserved.Contains(w.ProductId)) is not { Line: { } line } missing) return;
        var left = await StorefrontQuery.OnSale(db, today).Where(r => r.Product.Id == missing.ProductId).Select(r => (int?)r.Product.Stock)
            .SingleOrDefaultAsync(ct);
        throw left is null
            ? new DomainException("Order.NotOrderable", $"{line.ProductName} is no longer certified for sale.", line.ProductName)
            : new DomainException("Order.NotEnoughStock", $"Not enough stock of {line.ProductName}: {left} {line.Unit} left.",
                line.ProductName, left.Value, line.Unit);
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
