using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

/// <summary>
/// One line of a journal entry, signed: debit positive, credit negative. The supplier and product say where the
/// money came from, so a household statement can show "date, supplier, product, amount" for each credit.
/// </summary>
/// <param name="CoveredHouseholdId">On a supplier's refund debit: the household whose part the supplier bears because that household was already paid.</param>
public sealed record Posting(
    LedgerAccount Account,
    Money Amount,
    Guid? SupplierId = null,
    Guid? ProductId = null,
    Guid? CoveredHouseholdId = null,
    string? Memo = null)
{
    public bool IsDebit => Amount.Fen > 0;
    public bool IsCredit => Amount.Fen < 0;
}
