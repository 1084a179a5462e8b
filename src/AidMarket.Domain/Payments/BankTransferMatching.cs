using AidMarket.Domain.Common;

namespace AidMarket.Domain.Payments;

/// <summary>One credit on the platform's bank account (对公转账), as the bank statement shows it.</summary>
public sealed record BankTransfer(DateOnly Date, Money Amount, string Memo, string SlipNumber)
{
    /// <summary>The slip number as stored and compared: trimmed, upper case.</summary>
    public string SlipKey => NormalizeSlip(SlipNumber);

    public static string NormalizeSlip(string slipNumber) => slipNumber.Trim().ToUpperInvariant();
}

public enum TransferMatchKind { Exact, Partial, Overpaid, Unmatched, DuplicateSlip }

public enum UnmatchedReason { NoReference, UnknownReference, AlreadyPaid }

/// <summary>What finance sees for a transfer before confirming it.</summary>
/// <param name="Outstanding">What the invoice still needed before this transfer.</param>
/// <param name="Excess">On <see cref="TransferMatchKind.Overpaid"/>: the amount beyond what was outstanding, to be refunded or handled.</param>
public sealed record TransferMatch(BankTransfer Transfer, TransferMatchKind Kind, PaymentReference? Reference, Money Outstanding, Money Excess,
    UnmatchedReason? Reason);

/// <summary>
/// Matches bank transfers to invoices by the payment reference in the memo. Nothing is applied here: the result is a
/// proposal that finance confirms, and a slip already recorded is never matched again.
/// </summary>
public static class BankTransferMatching
{
    /// <summary>The references found in these transfers' memos: the invoices to load for <see cref="Classify"/>.</summary>
    public static IReadOnlySet<PaymentReference> ReferencesIn(IEnumerable<BankTransfer> transfers) =>
        transfers.Select(t => PaymentReference.TryFind(t.Memo, out var r) ? r : (PaymentReference?)null).OfType<PaymentReference>().ToHashSet();

    /// <param name="outstandingByReference">Each known invoice's outstanding amount by its reference.</param>
    /// <param name="recordedSlips">Slip keys (<see cref="BankTransfer.SlipKey"/>) already recorded.</param>
    public static TransferMatch Classify(BankTransfer transfer, IReadOnlyDictionary<PaymentReference, Money> outstandingByReference,
        IReadOnlySet<string> recordedSlips)
    {
        if (transfer.Amount <= Money.Zero) throw new DomainException("BankTransfer.Amount", "A transfer received is an amount greater than zero.");
        if (recordedSlips.Contains(transfer.SlipKey)) return new(transfer, TransferMatchKind.DuplicateSlip, null, Money.Zero, Money.Zero, null);
        if (!PaymentReference.TryFind(transfer.Memo, out var reference)) return Unmatched(transfer, null, UnmatchedReason.NoReference);
        if (!outstandingByReference.TryGetValue(reference, out var outstanding)) return Unmatched(transfer, reference, UnmatchedReason.UnknownReference);
        if (outstanding <= Money.Zero) return Unmatched(transfer, reference, UnmatchedReason.AlreadyPaid);
        var kind = transfer.Amount == outstanding ? TransferMatchKind.Exact
            : transfer.Amount < outstanding ? TransferMatchKind.Partial : TransferMatchKind.Overpaid;
        return new(transfer, kind, reference, outstanding, kind == TransferMatchKind.Overpaid ? transfer.Amount - outstanding : Money.Zero, null);
    }

    /// <summary>A whole statement in order: each match lowers the invoice's outstanding for the next, and a slip twice is a duplicate.</summary>
    public static IReadOnlyList<TransferMatch> ClassifyStatement(IReadOnlyList<BankTransfer> transfers,
        IReadOnlyDictionary<PaymentReference, Money> outstandingByReference, IReadOnlySet<string> recordedSlips)
    {
        var outstanding = new Dictionary<PaymentReference, Money>(outstandingByReference);
        var slips = new HashSet<string>(recordedSlips);
        var matches = new List<TransferMatch>();
        foreach (var transfer in transfers)
        {
            var match = Classify(transfer, outstanding, slips);
            if (match.Kind != TransferMatchKind.DuplicateSlip) slips.Add(transfer.SlipKey);
            if (match.Kind is TransferMatchKind.Exact or TransferMatchKind.Partial or TransferMatchKind.Overpaid)
                outstanding[match.Reference!.Value] = match.Outstanding > transfer.Amount ? match.Outstanding - transfer.Amount : Money.Zero;
            matches.Add(match);
        }
        return matches;
    }

    private static TransferMatch Unmatched(BankTransfer transfer, PaymentReference? reference, UnmatchedReason reason) =>
        new(transfer, TransferMatchKind.Unmatched, reference, Money.Zero, Money.Zero, reason);
}
