using AidMarket.Domain.Ledger;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Payments;

public class SettlementOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>The platform's fee in basis points of the accepted amount (100 = 1%); 0 by default.</summary>
    public int PlatformFeeBasisPoints { get; set; }
    /// <summary>How often the sweep looks for orders due that no event has settled yet.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    public int BatchSize { get; set; } = 200;
}

/// <summary>
/// 结算: settles supplier orders that are accepted and paid in full, exactly once (decision note 012). Due orders are claimed
/// with FOR UPDATE SKIP LOCKED and marked settled in the transaction that writes their settlement, so no two instances take the
/// same order and a retry finds it done; the settlement table's primary key and the entry's unique source key make the
/// database refuse a second settlement even if code got it wrong. The split is the domain's <see cref="Settlement"/>.
/// </summary>
public sealed class SettlementRunner(IServiceScopeFactory scopes, IOptions<SettlementOptions> options, ILogger<SettlementRunner> logger)
{
    /// <summary>Settles one batch of due orders (or only <paramref name="only"/>); returns how many were settled.</summary>
    public async Task<int> SettleDueAsync(Guid? only, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Guid[] onlyIds = only is { } id ? [id] : [];
        var claimed = await db.Database.SqlQuery<Guid>($"""
            SELECT so.id AS "Value" FROM supplier_orders so JOIN invoices i ON i.supplier_order_id = so.id
            WHERE so.status = 'Accepted' AND so.settled_at IS NULL AND i.paid_fen >= i.amount_fen
              AND (cardinality({onlyIds}) = 0 OR so.id = ANY({onlyIds}))
            ORDER BY so.id LIMIT {options.Value.BatchSize} FOR UPDATE OF so SKIP LOCKED
            """).ToListAsync(ct);
        if (claimed.Count == 0) return 0;

        var orders = await db.SupplierOrders.AsNoTracking().Where(o => claimed.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(ct);
        var shipments = await db.Shipments.AsNoTracking().Where(s => claimed.Contains(s.SupplierOrderId)).ToListAsync(ct);
        var lotIds = shipments.SelectMany(s => s.Lines).Where(l => l.LotId != null).Select(l => l.LotId!.Value).Distinct().ToList();
        var lots = await db.ProductLots.AsNoTracking().Where(l => lotIds.Contains(l.Id)).ToListAsync(ct);
        var supplierIds = orders.Select(o => o.SupplierId).Distinct().ToList();
        var links = await db.BenefitLinks.AsNoTracking().Where(l => supplierIds.Contains(l.SupplierId)).ToListAsync(ct);

        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var settled = new List<Guid>();
        foreach (var order in orders)
        {
            SettlementSplit split;
            try
            {
                split = Settlement.Split(SettlementRequest.For(order, shipments, lots, links, today, options.Value.PlatformFeeBasisPoints));
            }
            catch (DomainException ex)
            {
                // Left unsettled (and reported) rather than holding up the others: e.g. a supplier with no linked household.
                logger.LogWarning("Supplier order {Order} ({Number}) cannot be settled: {Code} {Message}", order.Id, order.OrderNumber, ex.Code, ex.Message);
                continue;
            }
            var entry = split.ToEntry(now, order.OrderNumber);
            db.JournalEntries.Add(entry);
            db.Settlements.Add(new SettlementRecord(order.Id, entry.Id, split.TotalFen, split.FeeFen, split.HouseholdShareFen, split.SupplierFen, now));
            db.Publish(new SupplierOrderSettled(order.Id, order.SupplierId, split.TotalFen, split.HouseholdShareFen,
                split.HouseholdParts.Select(p => p.HouseholdId).Distinct().Count()));
            settled.Add(order.Id);
        }
        if (settled.Count == 0) return 0;
        var ids = settled.ToArray();
        await db.Database.ExecuteSqlAsync($"UPDATE supplier_orders SET settled_at = {now} WHERE id = ANY({ids})", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return settled.Count;
    }

    /// <summary>Settles every order due now, batch after batch; returns how many.</summary>
    public async Task<int> SettleAllDueAsync(CancellationToken ct)
    {
        int total = 0, settled;
        do
        {
            settled = await SettleDueAsync(null, ct);
            total += settled;
        } while (settled > 0);
        return total;
    }
}

/// <summary>Sweeps for orders due that no event settled (for example paid while the broker was down).</summary>
public sealed class SettlementJob(SettlementRunner runner, IOptions<SettlementOptions> options, ILogger<SettlementJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try { await runner.SettleAllDueAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { logger.LogWarning(ex, "Settlement sweep failed; retrying later"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
