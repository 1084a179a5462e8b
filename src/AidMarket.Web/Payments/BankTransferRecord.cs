using AidMarket.Domain.Payments;

namespace AidMarket.Web.Payments;

/// <summary>
/// 对公转账: a transfer the platform's bank received, entered by hand or from a statement, with how it matched an invoice.
/// The bank slip number is unique, so a statement imported twice records nothing twice.
/// </summary>
public class BankTransferRecord
{
    private BankTransferRecord() { SlipKey = Memo = RecordedBy = ""; }

    public BankTransferRecord(BankTransfer transfer, TransferMatch match, Guid? invoiceId, string recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        SlipKey = transfer.SlipKey;
        ReceivedOn = transfer.Date;
        Amount = transfer.Amount;
        Memo = transfer.Memo;
        Reference = match.Reference?.Value;
        InvoiceId = invoiceId;
        Outcome = match.Kind;
        UnmatchedReason = match.Reason;
        Excess = match.Excess;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public string SlipKey { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public Money Amount { get; private set; }
    public string Memo { get; private set; }
    public string? Reference { get; private set; }
    public Guid? InvoiceId { get; private set; }
    public TransferMatchKind Outcome { get; private set; }
    public UnmatchedReason? UnmatchedReason { get; private set; }
    public Money Excess { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>Unmatched or overpaid transfers stay open until finance notes how they were handled.</summary>
    public string? Resolution { get; private set; }

    public bool NeedsHandling => Resolution is null && Outcome is TransferMatchKind.Unmatched or TransferMatchKind.Overpaid;

    public void Resolve(string note) =>
        Resolution = string.IsNullOrWhiteSpace(note) ? throw new DomainException("Review.ReasonRequired", "Please give a reason.") : note.Trim();
}
