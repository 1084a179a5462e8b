using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Web.Ledger;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Payments;

/// <summary>
/// Posts a refund against a locked invoice, once (decision note 013). Before settlement the money leaves escrow and the
/// invoice is owed again; after settlement the split is reversed (households give back at most their undisbursed balance,
/// the supplier covers the rest) and the refund is a credit note that lowers what the invoice asks for.
/// </summary>
public static class Refunding
{
    /// <summary>
    /// Records the refund <paramref name="externalId"/> (a Stripe refund id or the bank slip of the refund) and its journal
    /// entry, keyed by <paramref name="refundId"/>, in the caller's transaction. False when it was already recorded.
    /// </summary>
    public static async Task<bool> PostAsync(AidMarketDbContext db, Invoice invoice, Guid refundId, Money amount, string externalId,
        DateTimeOffset now, CancellationToken ct)
    {
        if (invoice.HasRefund(externalId, amount)) return false;
        // Locks the order against the settlement runner (which claims with SKIP LOCKED): settled or not cannot change under us.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM supplier_orders WHERE id = {invoice.SupplierOrderId} FOR UPDATE", ct);
        var settlement = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.SupplierOrderId == invoice.SupplierOrderId, ct);
        var memo = $"{invoice.Reference} {externalId}";
        JournalEntry entry;
        bool creditNote;
        if (settlement is null || (invoice.Excess > Money.Zero && amount <= invoice.Excess))
        {
            var held = settlement is null ? invoice.Paid : invoice.Excess;
            entry = Refunds.FromEscrow(invoice.SupplierOrderId, invoice.SupplierId, refundId, amount, held, now, memo);
            creditNote = false;
        }
        else
        {
            if (invoice.Excess > Money.Zero)
                throw new DomainException("Refund.ExcessFirst", $"Refund the excess of {invoice.Excess} on its own first.", invoice.Excess);
            entry = await AfterSettlementAsync(db, settlement, refundId, amount, now, memo, ct);
            creditNote = true;
        }
        invoice.RecordRefund(amount, externalId, now, creditNote);
        db.JournalEntries.Add(entry);
        db.Publish(new InvoiceRefunded(invoice.Id, invoice.SupplierOrderId, invoice.BuyerOrganizationId, invoice.Reference, amount.Fen, creditNote));
        return true;
    }

    private static async Task<JournalEntry> AfterSettlementAsync(AidMarketDbContext db, SettlementRecord settlement, Guid refundId, Money amount,
        DateTimeOffset now, string memo, CancellationToken ct)
    {
        var settled = await db.JournalEntries.AsNoTracking().SingleAsync(e => e.Id == settlement.JournalEntryId, ct);
        var prefix = SourceKeys.RefundPrefix(settlement.SupplierOrderId);
        var previous = await db.JournalEntries.AsNoTracking()
            .Where(e => e.Kind == JournalEntryKind.Refund && e.SourceKey.StartsWith(prefix)).ToListAsync(ct);
        var households = await PayableBalances.OfHouseholdsAsync(db,
            settled.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable).Select(p => p.Account.OwnerId!.Value), ct);
        return Refunds.AfterSettlement(settled, previous, refundId, amount, households, now, memo);
    }

    /// <summary>A stable refund id for a Stripe refund made outside AidMarket (in Stripe's dashboard), so its events post once.</summary>
    public static Guid IdFor(string stripeRefundId) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("stripe-refund:" + stripeRefundId))[..16]);
}
