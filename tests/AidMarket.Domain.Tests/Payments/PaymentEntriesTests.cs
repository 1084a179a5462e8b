using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using Shouldly;

namespace AidMarket.Domain.Tests.Payments;

public class PaymentEntriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Money_received_goes_to_cash_and_escrow_keyed_by_its_external_id()
    {
        var entry = PaymentEntries.Received(PaymentMethod.BankTransfer, " B-0001 ", new Money(441_600), null, Now);
        entry.Kind.ShouldBe(JournalEntryKind.Payment);
        entry.SourceKey.ShouldBe("payment:bank:B-0001");
        entry.Postings.Select(p => (p.Account, p.Amount.Fen)).ShouldBe([(LedgerAccount.Cash, 441_600), (LedgerAccount.Escrow, -441_600)]);
        PaymentEntries.Received(PaymentMethod.Stripe, "pi_1", new Money(1), null, Now).SourceKey.ShouldBe("payment:stripe:pi_1");
        Should.Throw<DomainException>(() => PaymentEntries.Received(PaymentMethod.Stripe, "pi_1", Money.Zero, null, Now)).Code.ShouldBe("Payment.Amount");
        Should.Throw<DomainException>(() => PaymentEntries.Received(PaymentMethod.Stripe, "", new Money(1), null, Now)).Code.ShouldBe("Payment.ExternalIdRequired");
    }
}
