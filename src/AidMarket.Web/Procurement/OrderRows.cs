using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Catalog;
using Npgsql;

namespace AidMarket.Web.Procurement;

/// <summary>
/// The SQL of placing an order, for <see cref="OrderPlacement"/> only: the order number, the plans in force, and the batch that
/// writes the new rows and reserves their stock in one round trip (decision notes 009 and 018).
/// </summary>
internal static class OrderRows
{
    /// <summary>The SQL expression that takes the next order number; <see cref="Number"/> formats it.</summary>
    public const string NextNumber = "nextval('order_numbers')";

    public static string Number(DateTimeOffset now, long next) => $"PO-{now:yyyyMMdd}-{next:D6}";

    /// <summary>A new order's id, its number and its buyer's approval threshold, read in one round trip.</summary>
    public static Task<OrderPlacement.Header> HeaderAsync(AidMarketDbContext db, Guid buyerOrganizationId, DateTimeOffset now, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand($"SELECT approval_threshold_fen, {NextNumber} FROM organizations WHERE id = $1", connection, transaction)
                { Parameters = { new() { Value = buyerOrganizationId } } };
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"No organization {buyerOrganizationId}.");
            return new OrderPlacement.Header(Guid.CreateVersion7(), Number(now, reader.GetInt64(1)), new Money(reader.GetInt64(0)));
        }, ct);

    /// <summary>The plan in force of each supplier of the order, to freeze on its supplier orders.</summary>
    public static Task<Dictionary<Guid, PlanAtPlacement>> PlansAsync(AidMarketDbContext db, PurchaseOrder order, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            var supplierIds = order.Lines.Select(l => l.SupplierId).Distinct().ToArray();
            await using var command = new NpgsqlCommand(PlansSql, connection, transaction) { Parameters = { new() { Value = supplierIds } } };
            await using var reader = await command.ExecuteReaderAsync(ct);
            var plans = new Dictionary<Guid, PlanAtPlacement>();
            while (await reader.ReadAsync(ct)) plans.Add(reader.GetGuid(0), new PlanAtPlacement(reader.GetGuid(1), reader.GetDecimal(2)));
            return plans;
        }, ct);

    /// <summary>The plans in force of the suppliers in $1 (a uuid array).</summary>
    private const string PlansSql = $"SELECT supplier_id, id, household_share_percent FROM benefit_plans WHERE status = '{nameof(BenefitPlanStatus.Approved)}' AND supplier_id = ANY($1)";

    /// <summary>
    /// Runs <paramref name="writes"/>, then reserves every line's stock of <paramref name="reserveFor"/> (when given), in one round
    /// trip. Never below zero whatever runs at the same time on any instance: the products are locked in id order (so two orders
    /// never wait on each other), then one conditional UPDATE takes every line that is still on sale and in stock. If any line
    /// is missing, throws Order.NotEnoughStock or Order.NotOrderable naming the first such product; the transaction then rolls
    /// everything back.
    /// </summary>
    public static async Task WriteAndReserveAsync(AidMarketDbContext db, IEnumerable<NpgsqlBatchCommand> writes, PurchaseOrder? reserveFor,
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
                    WHERE p.id = w.id AND s.id = p.supplier_id AND {StorefrontQuery.OnSaleSql(3)} AND p.stock >= w.quantity
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
        throw left is null ? LineQuote.NotOrderable(line.ProductName) : LineQuote.NotEnoughStock(line.ProductName, left.Value, line.Unit);
    }
}
