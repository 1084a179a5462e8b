using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

public enum JournalEntryKind
{
    Payment,
    Settlement,
    /// <summary>Money back to the buyer after settlement: reverses the split.</summary>
    Refund,
    /// <summary>Money back to the buyer from escrow, before settlement.</summary>
    EscrowRefund,
    SupplierPayout,
    /// <summary>A bank payout to a supplier came back: the supplier is owed it again.</summary>
    SupplierPayoutFailed,
    DisbursementSent,
    DisbursementPaid,
    DisbursementFailed,
}

/// <summary>
/// 记账凭证: one balanced, immutable entry of the ledger. <see cref="SourceKey"/> names the business event it records
/// ("settlement:{supplierOrderId}"); a unique index on it makes every event post at most once.
/// </summary>
public class JournalEntry
{
    public const int SourceKeyMaxLength = 200;

    private readonly List<Posting> _postings = [];

    private JournalEntry() { SourceKey = ""; }

    internal JournalEntry(JournalEntryKind kind, string sourceKey, DateTimeOffset occurredAt, string? memo, IReadOnlyList<Posting> postings)
    {
        JournalEntryMustBalance.Check(postings);
        Id = Guid.CreateVersion7();
        Kind = kind;
        SourceKey = sourceKey;
        OccurredAt = occurredAt;
        Memo = memo;
        _postings.AddRange(postings);
    }

    public Guid Id { get; private set; }
    public JournalEntryKind Kind { get; private set; }
    public string SourceKey { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? Memo { get; private set; }
    public IReadOnlyList<Posting> Postings => _postings;

    /// <summary>The sum of the debits (equal to the credits).</summary>
    public Money Total => new(_postings.Where(p => p.IsDebit).Sum(p => p.Amount.Fen));

    /// <summary>Starts an entry; postings are added to the builder and checked when it is built.</summary>
    public static JournalEntryBuilder Build(JournalEntryKind kind, string sourceKey, DateTimeOffset occurredAt, string? memo = null) =>
        new(kind, sourceKey, occurredAt, memo);
}

/// <summary>
/// Collects postings and builds a <see cref="JournalEntry"/> that balances. Postings to the same account and context are
/// merged and sorted, so the same postings in any order make the same entry; a part that comes to zero is left out.
/// </summary>
public sealed class JournalEntryBuilder
{
    private readonly List<Posting> _postings = [];
    private readonly JournalEntryKind _kind;
    private readonly string _sourceKey;
    private readonly DateTimeOffset _occurredAt;
    private readonly string? _memo;

    internal JournalEntryBuilder(JournalEntryKind kind, string sourceKey, DateTimeOffset occurredAt, string? memo)
    {
        if (string.IsNullOrWhiteSpace(sourceKey) || sourceKey.Trim() != sourceKey || sourceKey.Length > JournalEntry.SourceKeyMaxLength)
            throw new DomainException("Journal.SourceKeyRequired", "A journal entry needs the key of the event it records.");
        _kind = kind;
        _sourceKey = sourceKey;
        _occurredAt = occurredAt;
        _memo = string.IsNullOrWhiteSpace(memo) ? null : memo.Trim();
    }

    public JournalEntryBuilder Debit(LedgerAccount account, Money amount, Guid? supplierId = null, Guid? productId = null, string? memo = null) =>
        Add(new Posting(account, RequireNotNegative(amount), supplierId, productId, null, memo));

    public JournalEntryBuilder Credit(LedgerAccount account, Money amount, Guid? supplierId = null, Guid? productId = null, string? memo = null) =>
        Add(new Posting(account, -RequireNotNegative(amount), supplierId, productId, null, memo));

    /// <summary>Adds a signed posting as it is (debit positive, credit negative).</summary>
    public JournalEntryBuilder Add(Posting posting)
    {
        _postings.Add(posting);
        return this;
    }

    public JournalEntry Build() => new(_kind, _sourceKey, _occurredAt, _memo, Merge(_postings));

    private static List<Posting> Merge(IEnumerable<Posting> postings) =>
        postings
            .GroupBy(p => (p.Account, p.SupplierId, p.ProductId, p.CoveredHouseholdId))
            .Select(g => (g.Key, Amount: g.Aggregate((Int128)0, (sum, p) => sum + p.Amount.Fen),
                Memo: string.Join("; ", g.Select(p => p.Memo).OfType<string>().Where(m => m.Length > 0).Distinct().Order(StringComparer.Ordinal))))
            .Where(x => x.Amount != 0)
            .Select(x => new Posting(x.Key.Account, ToMoney(x.Amount), x.Key.SupplierId, x.Key.ProductId, x.Key.CoveredHouseholdId,
                x.Memo.Length == 0 ? null : x.Memo))
            .OrderBy(p => p.Account)
            .ThenBy(p => p.SupplierId)
            .ThenBy(p => p.ProductId)
            .ThenBy(p => p.CoveredHouseholdId)
            .ToList();

    private static Money ToMoney(Int128 amount) =>
        amount > long.MaxValue || amount <= long.MinValue
            ? throw new DomainException("Journal.Overflow", "An amount in this journal entry is too large.")
            : new Money((long)amount);

    private static Money RequireNotNegative(Money amount) =>
        amount.Fen < 0 ? throw new DomainException("Journal.NegativeAmount", "Debit and credit amounts are not negative; the side gives the sign.") : amount;
}
