using AidMarket.Domain.Ledger;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AidMarket.Web.Ledger;

/// <summary>
/// 结算: settles supplier orders that are accepted and paid in full, exactly once (decision note 012). Due orders
/// (<see cref="DueForSettlementSql"/>) are claimed with FOR UPDATE SKIP LOCKED and marked settled in the transaction that
/// writes their settlement, so no two instances take the same order and a retry finds it done; the settlement table's primary
/// key and the entry's unique source key make the database refuse a second settlement even if code got it wrong. The split is
/// the domain's <see cref="Settlement"/>, and each order itself agrees to be settled (<see cref="SupplierOrder.MarkSettled"/>).
/// </summary>
public sealed class SettlementRunner(IServiceScopeFactory scopes, IOptions<SettlementOptions> options, ILogger<SettlementRunner> logger)
{
    private const string Claim = $"""
        SELECT id AS "Value" FROM supplier_orders
        WHERE {DueForSettlementSql.Condition} AND id > @after AND (cardinality(@only) = 0 OR id = ANY(@only))
        ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED
        """;

    private const string Stuck = $"""
        SELECT id AS "Value" FROM supplier_orders WHERE {DueForSettlementSql.Condition} AND accepted_at < @before ORDER BY accepted_at LIMIT @limit
        """;

    /// <summary>Settles one batch of due orders (or only <paramref name="only"/>); returns how many were settled.</summary>
    public async Task<int> SettleDueAsync(Guid? only, CancellationToken ct) =>
        (await SettleBatchAsync(only is { } id ? [id] : [], Guid.Empty, ct)).Settled;

    /// <summary>Settles every order due now, batch after batch; returns how many.</summary>
    public async Task<int> SettleAllDueAsync(CancellationToken ct)
    {
        // Keyset over the due orders: orders that cannot be split stay due, and must not stop the sweep at the first batch.
        var (total, after) = (0, Guid.Empty);
        while (true)
        {
            var (settled, last) = await SettleBatchAsync([], after, ct);
            total += settled;
            if (last is not { } next) return total;
            after = next;
        }
    }

    /// <summary>Claims due orders after <paramref name="after"/> in id order and settles them; returns the last id claimed.</summary>
    private async Task<(int Settled, Guid? Last)> SettleBatchAsync(Guid[] onlyIds, Guid after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.SqlQueryRaw<Guid>(Claim,
            new NpgsqlParameter("after", after), new NpgsqlParameter("only", onlyIds), new NpgsqlParameter("limit", options.Value.BatchSize)).ToListAsync(ct);
        if (claimed.Count == 0) return (0, null);

        var now = DateTimeOffset.UtcNow;
        var entries = new List<JournalEntry>(claimed.Count);
        var settlements = new List<SettlementRecord>(claimed.Count);
        foreach (var (order, request) in await RequestsAsync(db, claimed, now, ct))
        {
            if (Split(order, request, now) is not { } split) continue;
            var entry = split.ToEntry(now, order.OrderNumber);
            entries.Add(entry);
            settlements.Add(new SettlementRecord(order.Id, entry.Id, split, now));
            db.Publish(new SupplierOrderSettled(order.Id, order.SupplierId, split.Total.Fen, split.HouseholdShare.Fen,
                split.HouseholdParts.Select(p => p.HouseholdId).Distinct().Count()));
        }
        if (settlements.Count == 0) return (0, claimed[^1]);
        await LedgerWriter.CopyAsync(db, entries, settlements, ct);
        var ids = settlements.Select(s => s.SupplierOrderId).ToArray();
        await db.Database.ExecuteSqlAsync($"UPDATE supplier_orders SET settled_at = {now} WHERE id = ANY({ids})", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (settlements.Count, claimed[^1]);
    }

    /// <summary>The order's split, once the order agrees to be settled; null (logged) when either refuses.</summary>
    private SettlementSplit? Split(SupplierOrder order, Func<SettlementRequest> request, DateTimeOffset now)
    {
        try
        {
            var split = Settlement.Split(request());
            order.MarkSettled(now);
            return split;
        }
        catch (DomainException ex)
        {
            // Left unsettled (and listed for staff on the ledger page) rather than holding up the others.
            logger.LogWarning("Supplier order {Order} ({Number}) cannot be settled: {Code} {Message}", order.Id, order.OrderNumber, ex.Code, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Orders accepted and paid in full for longer than <paramref name="olderThan"/> that are still not settled, with why their
    /// split fails (null when it would succeed: the order is merely waiting for the next sweep). For staff to fix.
    /// </summary>
    public async Task<IReadOnlyList<(SupplierOrder Order, DomainException? Problem)>> StuckAsync(TimeSpan olderThan, int limit, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var due = await db.Database.SqlQueryRaw<Guid>(Stuck,
            new NpgsqlParameter("before", DateTimeOffset.UtcNow - olderThan), new NpgsqlParameter("limit", limit)).ToListAsync(ct);
        var stuck = new List<(SupplierOrder, DomainException?)>();
        foreach (var (order, request) in await RequestsAsync(db, due, DateTimeOffset.UtcNow, ct))
        {
            try { Settlement.Split(request()); stuck.Add((order, null)); }
            catch (DomainException ex) { stuck.Add((order, ex)); }
        }
        return stuck;
    }

    /// <summary>The orders with what their settlement needs, read in four queries for the whole batch.</summary>
    private async Task<List<(SupplierOrder Order, Func<SettlementRequest> Request)>> RequestsAsync(AidMarketDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var orders = await db.SupplierOrders.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
        var shipments = (await db.Shipments.AsNoTracking().Where(s => ids.Contains(s.SupplierOrderId)).ToListAsync(ct)).ToLookup(s => s.SupplierOrderId);
        var lotIds = shipments.SelectMany(g => g).SelectMany(s => s.Lines).Where(l => l.LotId != null).Select(l => l.LotId!.Value).Distinct().ToList();
        var lots = await db.ProductLots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var supplierIds = orders.Select(o => o.SupplierId).Distinct().ToList();
        var links = (await db.BenefitLinks.AsNoTracking().Where(l => supplierIds.Contains(l.SupplierId)).ToListAsync(ct)).ToLookup(l => l.SupplierId);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var fee = options.Value.PlatformFeeBasisPoints;
        return orders.Select(o => (o, (Func<SettlementRequest>)(() =>
        {
            var shipped = shipments[o.Id].ToList();
            var shippedLots = shipped.SelectMany(s => s.Lines).Where(l => l.LotId is { } id && lots.ContainsKey(id)).Select(l => lots[l.LotId!.Value]).Distinct().ToList();
            return SettlementRequest.For(o, shipped, shippedLots, links[o.SupplierId].ToList(), today, fee);
        }))).ToList();
    }
}
