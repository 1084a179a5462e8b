using AidMarket.Domain.Payments;

namespace AidMarket.Web.Payments;

/// <summary>
/// Pays suppliers what the ledger owes them. <see cref="ChannelFor"/> is the one place that decides how a supplier is paid: a bank
/// batch today; Stripe Connect for suppliers with a connected account once that channel exists.
/// </summary>
public sealed class SupplierPayouts(AidMarketDbContext db)
{
    public PayoutMethod ChannelFor(Guid supplierId) => PayoutMethod.BankBatch;

    /// <summary>
    /// A bank batch of every supplier owed money whose channel is the bank, with its ledger entries (Dr supplier, Cr cash), added
    /// to the context inside the caller's transaction. Batches are serialized, so the balances read here cannot be paid twice.
    /// </summary>
    public async Task<SupplierPayoutBatch> CreateBankBatchAsync(DateTimeOffset now, CancellationToken ct)
    {
        await PayableBalances.LockSupplierPayoutsAsync(db, ct);
        var balances = (await PayableBalances.OfSuppliersAsync(db, ct))
            .Where(b => ChannelFor(b.Key) == PayoutMethod.BankBatch).ToDictionary();
        var batch = SupplierPayoutBatch.FromBalances(balances, now);
        db.SupplierPayoutBatches.Add(batch);
        foreach (var payout in batch.Payouts) db.JournalEntries.Add(payout.Entry());
        return batch;
    }
}
