using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;

namespace AidMarket.Domain.Payments;

public enum PayoutMethod { StripeConnect, BankBatch }

/// <summary>A payment of what the platform owes a supplier, never more than its payable balance.</summary>
public class SupplierPayout
{
    private SupplierPayout() { }

    /// <param name="payableBalanceFen">The supplier's payable credit balance, read in the transaction that saves the payout.</param>
    public SupplierPayout(Guid supplierId, long amountFen, long payableBalanceFen, PayoutMethod method, DateTimeOffset now)
    {
        if (amountFen <= 0) throw new DomainException("SupplierPayout.Amount", "A payout is an amount greater than zero.");
        if (amountFen > payableBalanceFen)
            throw new DomainException("SupplierPayout.ExceedsBalance", $"At most {new Money(Math.Max(0, payableBalanceFen))} can be paid out.", new Money(Math.Max(0, payableBalanceFen)));
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        AmountFen = amountFen;
        Method = method;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public long AmountFen { get; private set; }
    public PayoutMethod Method { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Dr SupplierPayable, Cr Cash.</summary>
    public JournalEntry Entry() =>
        JournalEntry.Build(JournalEntryKind.SupplierPayout, SourceKeys.SupplierPayout(Id), CreatedAt, Method.ToString())
            .Debit(LedgerAccount.Supplier(SupplierId), AmountFen, SupplierId)
            .Credit(LedgerAccount.Cash, AmountFen, SupplierId)
            .Build();
}
