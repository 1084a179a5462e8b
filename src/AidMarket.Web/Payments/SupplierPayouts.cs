using AidMarket.Domain.Payments;
using AidMarket.Web.Ledger;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Payments;

/// <summary>
/// Pays suppliers what the ledger owes them. <see cref="ChannelFor"/> is the one place that decides how a supplier is paid: by
/// a Stripe Connect transfer to its connected account when Stripe is on and it has one, otherwise in a bank batch (note 016).
/// </summary>
public sealed class SupplierPayouts(AidMarketDbContext db, IOptions<StripeOptions> stripe)
{
    /// <summary>A supplier owed money, the connected account it has (if any) and how it is paid.</summary>
    private sealed record Owed(Guid SupplierId, Money Balance, string? StripeAccountId, PayoutMethod Channel);

    public PayoutMethod ChannelFor(string? stripeAccountId) =>
        stripe.Value.IsEnabled && stripeAccountId is not null ? PayoutMethod.StripeConnect : PayoutMethod.BankBatch;

    /// <summary>
    /// A bank batch of every supplier owed money whose channel is the bank, with its ledger entries (Dr supplier, Cr cash), added
    /// to the context inside the caller's transaction. Batches are serialized, so the balances read here cannot be paid twice.
    /// </summary>
    public async Task<SupplierPayoutBatch> CreateBankBatchAsync(DateTimeOffset now, CancellationToken ct)
    {
        var balances = (await LockAndReadOwedAsync(ct)).Where(o => o.Channel == PayoutMethod.BankBatch).ToDictionary(o => o.SupplierId, o => o.Balance);
        var batch = SupplierPayoutBatch.FromBalances(balances, now);
        db.SupplierPayoutBatches.Add(batch);
        foreach (var payout in batch.Payouts) db.JournalEntries.Add(payout.Entry());
        return batch;
    }

    /// <summary>
    /// A Stripe Connect payout, with its entry (Dr supplier, Cr cash), for every supplier owed money whose channel is Stripe
    /// Connect, added to the context inside the caller's transaction under the same lock as bank batches. Nothing is asked of
    /// Stripe here: <see cref="StripeTransfers"/> sends them once they are committed.
    /// </summary>
    public async Task<IReadOnlyList<SupplierPayout>> CreateConnectPayoutsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var payouts = (await LockAndReadOwedAsync(ct)).Where(o => o.Channel == PayoutMethod.StripeConnect).OrderBy(o => o.SupplierId)
            .Select(o => new SupplierPayout(o.SupplierId, o.Balance, o.Balance, PayoutMethod.StripeConnect, now, stripeAccountId: o.StripeAccountId))
            .ToList();
        foreach (var payout in payouts)
        {
            db.SupplierPayouts.Add(payout);
            db.JournalEntries.Add(payout.Entry());
        }
        return payouts;
    }

    /// <summary>Suppliers owed money and their channel, read after taking the payout lock (held until the transaction ends).</summary>
    private async Task<List<Owed>> LockAndReadOwedAsync(CancellationToken ct)
    {
        await PayableBalances.LockSupplierPayoutsAsync(db, ct);
        var balances = await PayableBalances.OfSuppliersAsync(db, ct);
        var ids = balances.Keys.ToList();
        var accounts = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.StripeAccountId, ct);
        return balances.Select(b => new Owed(b.Key, b.Value, accounts[b.Key], ChannelFor(accounts[b.Key]))).ToList();
    }
}
