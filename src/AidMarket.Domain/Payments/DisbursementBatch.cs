using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;

namespace AidMarket.Domain.Payments;

public enum DisbursementStatus { Pending, Paid, Failed }

/// <summary>One household's payout in a batch (e.g. to its 惠农一卡通 account); it settles once, paid or failed.</summary>
public sealed class DisbursementLine
{
    private DisbursementLine() { }

    internal DisbursementLine(Guid householdId, Money amount)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = householdId;
        Amount = amount;
        Status = DisbursementStatus.Pending;
    }

    /// <summary>The line's own id: printed in the payment file, so the bank's answer names the line it is about.</summary>
    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Money Amount { get; private set; }
    public DisbursementStatus Status { get; private set; }
    public string? BankReference { get; private set; }
    public string? FailureReason { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }

    internal void Settle(DisbursementStatus status, string? bankReference, string? failureReason, DateTimeOffset now)
    {
        if (Status != DisbursementStatus.Pending)
            throw new DomainException("Disbursement.LineSettled", "This payout has already been marked paid or failed.");
        Status = status;
        BankReference = string.IsNullOrWhiteSpace(bankReference) ? null : bankReference.Trim();
        FailureReason = failureReason;
        SettledAt = now;
    }
}

/// <summary>
/// 发放批次: pays households what the ledger owes them. Creating it moves each balance into transit; the bank's answer
/// per line then moves it out to cash (paid) or back to the household's balance (failed).
/// </summary>
public class DisbursementBatch
{
    private readonly List<DisbursementLine> _lines = [];

    private DisbursementBatch() { }

    /// <summary>
    /// One line per household whose balance is positive and at least <paramref name="minimum"/>, for its whole balance.
    /// Balances must be read in the same transaction that saves the batch, so no balance goes out twice.
    /// </summary>
    /// <param name="countyCode">The county whose households the batch pays, when it is a county's batch.</param>
    public static DisbursementBatch FromBalances(IReadOnlyDictionary<Guid, Money> householdBalances, Money minimum, DateTimeOffset now, string? countyCode = null)
    {
        if (minimum < Money.Zero) throw new DomainException("Disbursement.Minimum", "The minimum payout cannot be negative.");
        var batch = new DisbursementBatch { Id = Guid.CreateVersion7(), CreatedAt = now, CountyCode = countyCode };
        batch._lines.AddRange(householdBalances.Where(b => b.Value > Money.Zero && b.Value >= minimum).OrderBy(b => b.Key)
            .Select(b => new DisbursementLine(b.Key, b.Value)));
        if (batch._lines.Count == 0) throw new DomainException("Disbursement.Empty", "No household has a balance to pay out.");
        return batch;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CountyCode { get; private set; }
    public IReadOnlyList<DisbursementLine> Lines => _lines;
    public int Count(DisbursementStatus status) => _lines.Count(l => l.Status == status);
    public Money Total => _lines.Aggregate(Money.Zero, (total, l) => total + l.Amount);
    public bool IsComplete => _lines.All(l => l.Status != DisbursementStatus.Pending);

    /// <summary>Saved with the batch: Dr HouseholdPayable(h), Cr DisbursementsInTransit for every line.</summary>
    public JournalEntry SentEntry()
    {
        var entry = JournalEntry.Build(JournalEntryKind.DisbursementSent, SourceKeys.DisbursementSent(Id), CreatedAt)
            .Credit(LedgerAccount.DisbursementsInTransit, Total);
        foreach (var line in _lines) entry.Debit(LedgerAccount.Household(line.HouseholdId), line.Amount);
        return entry.Build();
    }

    /// <summary>The bank paid the household: Dr DisbursementsInTransit, Cr Cash.</summary>
    public JournalEntry MarkPaid(Guid householdId, string? bankReference, DateTimeOffset now)
    {
        var line = Line(householdId);
        line.Settle(DisbursementStatus.Paid, bankReference, null, now);
        return JournalEntry.Build(JournalEntryKind.DisbursementPaid, SourceKeys.DisbursementLine(Id, householdId), now, line.BankReference)
            .Debit(LedgerAccount.DisbursementsInTransit, line.Amount)
            .Credit(LedgerAccount.Cash, line.Amount)
            .Build();
    }

    /// <summary>The bank returned the payout (closed account, wrong name): Dr DisbursementsInTransit, Cr HouseholdPayable(h), so it is owed again.</summary>
    public JournalEntry MarkFailed(Guid householdId, string reason, DateTimeOffset now)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Review.ReasonRequired", "Please give a reason.") : reason.Trim();
        var line = Line(householdId);
        line.Settle(DisbursementStatus.Failed, null, why, now);
        return JournalEntry.Build(JournalEntryKind.DisbursementFailed, SourceKeys.DisbursementLine(Id, householdId), now, why)
            .Debit(LedgerAccount.DisbursementsInTransit, line.Amount)
            .Credit(LedgerAccount.Household(householdId), line.Amount)
            .Build();
    }

    private DisbursementLine Line(Guid householdId) =>
        _lines.SingleOrDefault(l => l.HouseholdId == householdId)
        ?? throw new DomainException("Disbursement.NoSuchLine", "This household is not in the batch.");
}
