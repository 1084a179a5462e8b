using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

/// <summary>
/// Money back to the buyer. Before settlement it simply leaves escrow; after settlement it reverses the split in
/// proportion, except that a household is never clawed back: it gives back at most what it still has undisbursed, and
/// the supplier bears the rest of that household's part (its payable may go negative, recovered from later payouts).
/// </summary>
public static class Refunds
{
    /// <summary>Refund of money still held for the order (paid, not settled, or paid beyond what was settled): Dr Escrow, Cr Cash.</summary>
    /// <param name="heldInEscrow">What the order still has in escrow: paid, less what was settled, less earlier escrow refunds.</param>
    public static JournalEntry FromEscrow(Guid supplierOrderId, Guid supplierId, Guid refundId, Money refund, Money heldInEscrow,
        DateTimeOffset occurredAt, string? memo = null)
    {
        RequireRefundable(refund, heldInEscrow);
        return JournalEntry.Build(JournalEntryKind.EscrowRefund, SourceKeys.Refund(supplierOrderId, refundId), occurredAt, memo)
            .Debit(LedgerAccount.Escrow, refund, supplierId)
            .Credit(LedgerAccount.Cash, refund, supplierId)
            .Build();
    }

    /// <summary>
    /// Refund after settlement. Each refund is spread by largest remainder over what is still unreversed of each part
    /// (fee, each household's part, the supplier's part), so repeated partial refunds never reverse a part twice; the
    /// total refunded never exceeds what was settled.
    /// </summary>
    /// <param name="previousRefunds">This order's earlier <see cref="JournalEntryKind.Refund"/> entries.</param>
    /// <param name="householdBalances">Each household's current undisbursed balance (credit balance of its payable).</param>
    public static JournalEntry AfterSettlement(JournalEntry settlement, IReadOnlyList<JournalEntry> previousRefunds, Guid refundId, Money refund,
        IReadOnlyDictionary<Guid, Money> householdBalances, DateTimeOffset occurredAt, string? memo = null)
    {
        var split = SettlementSplit.FromEntry(settlement);
        var sourceKey = SourceKeys.Refund(split.SupplierOrderId, refundId);
        var prefix = SourceKeys.RefundPrefix(split.SupplierOrderId);
        if (previousRefunds.Any(r => r.Kind != JournalEntryKind.Refund || !r.SourceKey.StartsWith(prefix, StringComparison.Ordinal)))
            throw new DomainException("Refund.NotOfThisOrder", "Only this order's earlier refunds count towards what can still be refunded.");
        if (previousRefunds.Any(r => r.SourceKey == sourceKey))
            throw new DomainException("Refund.AlreadyRecorded", "This refund has already been recorded.");

        var households = split.HouseholdParts;
        var weights = Unreversed(split, previousRefunds).Select(r => Math.Max(0, r)).ToList();
        RequireRefundable(refund, split.Total - new Money(previousRefunds.Sum(r => r.Total.Fen)));

        var parts = refund.Allocate(weights);
        var supplier = LedgerAccount.Supplier(split.SupplierId);
        var entry = JournalEntry.Build(JournalEntryKind.Refund, sourceKey, occurredAt, memo)
            .Debit(LedgerAccount.PlatformFee, parts[0], split.SupplierId)
            .Debit(supplier, parts[^1], split.SupplierId)
            .Credit(LedgerAccount.Cash, refund, split.SupplierId);
        var available = households.Select(h => h.HouseholdId).Distinct()
            .ToDictionary(h => h, h => Math.Max(0, householdBalances.GetValueOrDefault(h).Fen));
        for (int i = 0; i < households.Count; i++)
        {
            var (household, product, due) = (households[i].HouseholdId, households[i].ProductId, parts[i + 1].Fen);
            var fromHousehold = Math.Min(due, available[household]);
            available[household] -= fromHousehold;
            entry.Debit(LedgerAccount.Household(household), new Money(fromHousehold), split.SupplierId, product);
            if (due > fromHousehold)
                entry.Add(new Posting(supplier, new Money(due - fromHousehold), split.SupplierId, product, household));
        }
        return entry.Build();
    }

    /// <summary>
    /// What is left of each part, in allocation order: fee, household parts, supplier. A household's part counts as
    /// reversed whether the household gave it back or the supplier covered it, so it is never asked for twice.
    /// </summary>
    private static List<long> Unreversed(SettlementSplit split, IReadOnlyList<JournalEntry> previousRefunds)
    {
        var reversed = previousRefunds.SelectMany(r => r.Postings).Where(p => p.IsDebit).ToList();
        long Reversed(Func<Posting, bool> part) => reversed.Where(part).Sum(p => p.Amount.Fen);
        var remaining = new List<long> { split.Fee.Fen - Reversed(p => p.Account.Kind == LedgerAccountKind.PlatformFee) };
        remaining.AddRange(split.HouseholdParts.Select(h => h.Amount.Fen - Reversed(p => p.ProductId == h.ProductId
            && (p.Account == LedgerAccount.Household(h.HouseholdId) || (p.Account.Kind == LedgerAccountKind.SupplierPayable && p.CoveredHouseholdId == h.HouseholdId)))));
        remaining.Add(split.SupplierPart.Fen - Reversed(p => p.Account.Kind == LedgerAccountKind.SupplierPayable && p.CoveredHouseholdId is null));
        return remaining;
    }

    private static void RequireRefundable(Money refund, Money refundable)
    {
        if (refund <= Money.Zero)
            throw new DomainException("Refund.Amount", "A refund is an amount greater than zero.");
        var most = refundable < Money.Zero ? Money.Zero : refundable;
        if (refund > refundable)
            throw new DomainException("Refund.ExceedsRefundable", $"At most {most} can still be refunded.", most);
    }
}
