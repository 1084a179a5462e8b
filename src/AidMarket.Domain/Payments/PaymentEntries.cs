using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;

namespace AidMarket.Domain.Payments;

/// <summary>Ledger entries for money coming in.</summary>
public static class PaymentEntries
{
    /// <summary>
    /// Buyer money arrived (Stripe charge or bank slip): Dr Cash, Cr Escrow, keyed "payment:stripe:{id}" or
    /// "payment:bank:{slip}" so a repeated webhook or confirmation posts nothing new.
    /// </summary>
    public static JournalEntry Received(PaymentMethod method, string externalId, Money amount, Guid? supplierId, DateTimeOffset occurredAt, string? memo = null)
    {
        if (amount <= Money.Zero) throw new DomainException("Payment.Amount", "A payment is an amount greater than zero.");
        if (string.IsNullOrWhiteSpace(externalId)) throw new DomainException("Payment.ExternalIdRequired", "A payment needs its Stripe id or bank slip number.");
        return JournalEntry.Build(JournalEntryKind.Payment, SourceKeys.Payment(method == PaymentMethod.Stripe ? "stripe" : "bank", externalId), occurredAt, memo)
            .Debit(LedgerAccount.Cash, amount, supplierId)
            .Credit(LedgerAccount.Escrow, amount, supplierId)
            .Build();
    }
}
