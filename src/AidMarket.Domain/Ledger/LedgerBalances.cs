using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

/// <summary>
/// Balances per account from a set of postings. A debit balance is what an asset holds; a credit balance is what a
/// liability owes, so a household's balance is its <see cref="CreditBalance"/>: what the platform still owes it.
/// </summary>
public sealed class LedgerBalances
{
    private readonly Dictionary<LedgerAccount, Money> _debitBalances;

    private LedgerBalances(Dictionary<LedgerAccount, Money> debitBalances) => _debitBalances = debitBalances;

    public static LedgerBalances Of(IEnumerable<Posting> postings)
    {
        var balances = new Dictionary<LedgerAccount, Money>();
        foreach (var posting in postings)
            balances[posting.Account] = balances.GetValueOrDefault(posting.Account) + posting.Amount;
        return new LedgerBalances(balances);
    }

    public static LedgerBalances Of(IEnumerable<JournalEntry> entries) => Of(entries.SelectMany(e => e.Postings));

    /// <summary>Debits minus credits.</summary>
    public Money DebitBalance(LedgerAccount account) => _debitBalances.GetValueOrDefault(account);

    /// <summary>Credits minus debits: what a liability (escrow, a payable, in transit) owes.</summary>
    public Money CreditBalance(LedgerAccount account) => -DebitBalance(account);

    /// <summary>Every account that has been posted to, in a stable order, with its debit balance.</summary>
    public IReadOnlyList<(LedgerAccount Account, Money DebitBalance)> Accounts =>
        _debitBalances.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList();

    /// <summary>What the platform owes each household that has a payable account, by household id.</summary>
    public IReadOnlyDictionary<Guid, Money> HouseholdBalances =>
        _debitBalances.Where(kv => kv.Key.Kind == LedgerAccountKind.HouseholdPayable)
            .ToDictionary(kv => kv.Key.OwnerId!.Value, kv => -kv.Value);
}
