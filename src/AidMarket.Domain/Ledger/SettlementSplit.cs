using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

/// <summary>What one household earned from one product of a settled order.</summary>
public sealed record HouseholdPart(Guid HouseholdId, Guid ProductId, Money Amount);

/// <summary>The result of settling one supplier order: fee + household parts + supplier part = total, to the fen.</summary>
public sealed record SettlementSplit(
    Guid SupplierOrderId,
    Guid SupplierId,
    Money Total,
    Money Fee,
    Money SupplierPart,
    IReadOnlyList<HouseholdPart> HouseholdParts)
{
    public Money HouseholdShare => new(HouseholdParts.Sum(p => p.Amount.Fen));

    public JournalEntry ToEntry(DateTimeOffset occurredAt, string? memo = null)
    {
        var entry = JournalEntry.Build(JournalEntryKind.Settlement, SourceKeys.Settlement(SupplierOrderId), occurredAt, memo)
            .Debit(LedgerAccount.Escrow, Total, SupplierId)
            .Credit(LedgerAccount.PlatformFee, Fee, SupplierId)
            .Credit(LedgerAccount.Supplier(SupplierId), SupplierPart, SupplierId);
        foreach (var part in HouseholdParts)
            entry.Credit(LedgerAccount.Household(part.HouseholdId), part.Amount, SupplierId, part.ProductId);
        return entry.Build();
    }

    /// <summary>Reads the split back from a stored settlement entry, so a refund reverses exactly what was posted.</summary>
    public static SettlementSplit FromEntry(JournalEntry settlement)
    {
        if (settlement.Kind != JournalEntryKind.Settlement || !settlement.SourceKey.StartsWith("settlement:", StringComparison.Ordinal)
            || !Guid.TryParse(settlement.SourceKey["settlement:".Length..], out var orderId))
            throw new DomainException("Refund.NotASettlement", "A refund after settlement needs the order's settlement entry.");
        var escrow = settlement.Postings.Single(p => p.Account.Kind == LedgerAccountKind.Escrow);
        var supplierId = escrow.SupplierId ?? throw new DomainException("Refund.NotASettlement", "A refund after settlement needs the order's settlement entry.");
        Money Credited(LedgerAccountKind kind) => new(-settlement.Postings.Where(p => p.Account.Kind == kind).Sum(p => p.Amount.Fen));
        var households = settlement.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable)
            .Select(p => new HouseholdPart(p.Account.OwnerId!.Value, p.ProductId ?? Guid.Empty, -p.Amount))
            .OrderBy(p => p.HouseholdId).ThenBy(p => p.ProductId).ToList();
        return new SettlementSplit(orderId, supplierId, escrow.Amount, Credited(LedgerAccountKind.PlatformFee),
            Credited(LedgerAccountKind.SupplierPayable), households);
    }
}
