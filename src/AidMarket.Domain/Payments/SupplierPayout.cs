using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;

namespace AidMarket.Domain.Payments;

public enum PayoutMethod { StripeConnect, BankBatch }

public enum PayoutStatus { Pending, Paid, Failed }

/// <summary>A payment of what the platform owes a supplier, never more than its payable balance.</summary>
public class SupplierPayout
{
    public const int MaxReasonLength = 300;

    private SupplierPayout() { }

    /// <param name="payableBalance">The supplier's payable credit balance, read in the transaction that saves the payout.</param>
    /// <param name="batchId">The bank batch it is paid in; none for a Stripe Connect transfer.</param>
    /// <param name="stripeAccountId">For a Stripe Connect transfer, the connected account it goes to, fixed here so a retry sends the same request.</param>
    public SupplierPayout(Guid supplierId, Money amount, Money payableBalance, PayoutMethod method, DateTimeOffset now, Guid? batchId = null,
        string? stripeAccountId = null)
    {
        if (amount <= Money.Zero) throw new DomainException("SupplierPayout.Amount", "A payout is an amount greater than zero.");
        if (amount > payableBalance)
        {
            var most = payableBalance > Money.Zero ? payableBalance : Money.Zero;
            throw new DomainException("SupplierPayout.ExceedsBalance", $"At most {most} can be paid out.", most);
        }
        if ((method == PayoutMethod.StripeConnect) != (stripeAccountId is not null) || (method == PayoutMethod.StripeConnect && batchId is not null))
            throw new ArgumentException("A Stripe Connect payout has a connected account and no bank batch; a bank payout has no connected account.");
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        Amount = amount;
        Method = method;
        CreatedAt = now;
        BatchId = batchId;
        StripeAccountId = stripeAccountId;
        Status = PayoutStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public Money Amount { get; private set; }
    public PayoutMethod Method { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid? BatchId { get; private set; }
    public string? StripeAccountId { get; private set; }
    public PayoutStatus Status { get; private set; }
    public string? BankReference { get; private set; }
    public string? FailureReason { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }

    /// <summary>The bank confirmed it (or Stripe made the transfer, whose id is the reference): nothing to post, the money left cash when the payout was made.</summary>
    public void MarkPaid(string? bankReference, DateTimeOffset now)
    {
        Settle(PayoutStatus.Paid, now);
        BankReference = string.IsNullOrWhiteSpace(bankReference) ? null : bankReference.Trim();
    }

    /// <summary>The bank returned it: Dr Cash, Cr SupplierPayable, so the supplier is owed it again.</summary>
    public JournalEntry MarkFailed(string reason, DateTimeOffset now)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Review.ReasonRequired", "Please give a reason.") : reason.Trim();
        Settle(PayoutStatus.Failed, now);
        return Returned(why, now);
    }

    /// <summary>
    /// A paid Stripe Connect transfer was reversed in full: the money is back in the platform's balance, so, as for a failed
    /// payout, Dr Cash, Cr SupplierPayable. Its entry has the failed payout's source key: a payout is returned at most once.
    /// </summary>
    public JournalEntry MarkReversed(string reason, DateTimeOffset now)
    {
        if (Method != PayoutMethod.StripeConnect || Status != PayoutStatus.Paid)
            throw new DomainException("SupplierPayout.NotReversible", "Only a paid Stripe Connect transfer can be reversed.");
        Status = PayoutStatus.Failed;
        SettledAt = now;
        return Returned(reason.Trim(), now);
    }

    private JournalEntry Returned(string why, DateTimeOffset now)
    {
        FailureReason = why.Length > MaxReasonLength ? why[..MaxReasonLength] : why;
        return JournalEntry.Build(JournalEntryKind.SupplierPayoutFailed, SourceKeys.SupplierPayoutFailed(Id), now, FailureReason)
            .Debit(LedgerAccount.Cash, Amount, SupplierId)
            .Credit(LedgerAccount.Supplier(SupplierId), Amount, SupplierId)
            .Build();
    }

    private void Settle(PayoutStatus status, DateTimeOffset now)
    {
        if (Status != PayoutStatus.Pending)
            throw new DomainException("SupplierPayout.Settled", "This payout has already been marked paid or failed.");
        Status = status;
        SettledAt = now;
    }

    /// <summary>Dr SupplierPayable, Cr Cash.</summary>
    public JournalEntry Entry() =>
        JournalEntry.Build(JournalEntryKind.SupplierPayout, SourceKeys.SupplierPayout(Id), CreatedAt, Method.ToString())
            .Debit(LedgerAccount.Supplier(SupplierId), Amount, SupplierId)
            .Credit(LedgerAccount.Cash, Amount, SupplierId)
            .Build();
}
