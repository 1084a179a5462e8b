using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using Shouldly;

namespace AidMarket.Domain.Tests.Ledger;

public class RefundTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Order = Guid.NewGuid(), Supplier = Guid.NewGuid(), Product = Guid.NewGuid();
    private static readonly Guid H1 = Guid.Parse("00000000-0000-0000-0000-000000000001"), H2 = Guid.Parse("00000000-0000-0000-0000-000000000002");

    // ¥100.00: fee 1% = 100, households 30% = 3,000 (1,500 each), supplier 6,900.
    private static JournalEntry Settled(long totalFen = 10_000, decimal percent = 30m, int bps = 100) =>
        Settlement.Entry(new SettlementRequest(Order, Supplier, percent, [new SettlementLine(Product, new Money(totalFen), [])],
            [new LinkedHousehold(H1, 1), new LinkedHousehold(H2, 1)], bps), Now);

    private static long Debit(JournalEntry entry, Func<Posting, bool> which) => entry.Postings.Where(which).Sum(p => p.Amount.Fen);

    [Fact]
    public void A_refund_reverses_the_split_in_proportion()
    {
        var refund = Refunds.AfterSettlement(Settled(), [], Guid.NewGuid(), new Money(5_000), new Dictionary<Guid, Money> { [H1] = new(1_500), [H2] = new(1_500) }, Now);
        refund.Kind.ShouldBe(JournalEntryKind.Refund);
        refund.SourceKey.ShouldStartWith(SourceKeys.RefundPrefix(Order));
        Debit(refund, p => p.Account == LedgerAccount.PlatformFee).ShouldBe(50);
        Debit(refund, p => p.Account == LedgerAccount.Household(H1)).ShouldBe(750);
        Debit(refund, p => p.Account == LedgerAccount.Household(H2)).ShouldBe(750);
        Debit(refund, p => p.Account == LedgerAccount.Supplier(Supplier)).ShouldBe(3_450);
        Debit(refund, p => p.Account == LedgerAccount.Cash).ShouldBe(-5_000);
    }

    [Fact]
    public void A_household_already_paid_is_not_clawed_back_and_the_supplier_bears_its_part()
    {
        var settlement = Settled();
        // H1 still has its 1,500; H2 was paid out and has nothing left.
        var balances = new Dictionary<Guid, Money> { [H1] = new(1_500), [H2] = new(0) };
        var first = Refunds.AfterSettlement(settlement, [], Guid.NewGuid(), new Money(5_000), balances, Now);
        Debit(first, p => p.Account == LedgerAccount.Household(H1)).ShouldBe(750);
        first.Postings.ShouldNotContain(p => p.Account == LedgerAccount.Household(H2));
        first.Postings.Single(p => p.CoveredHouseholdId == H2).ShouldSatisfyAllConditions(
            p => p.Account.ShouldBe(LedgerAccount.Supplier(Supplier)), p => p.Amount.Fen.ShouldBe(750), p => p.ProductId.ShouldBe(Product));
        Debit(first, p => p.Account == LedgerAccount.Supplier(Supplier)).ShouldBe(3_450 + 750);

        // The rest: H2's covered part counts as reversed, so it is not asked for again from H2's later income.
        var second = Refunds.AfterSettlement(settlement, [first], Guid.NewGuid(), new Money(5_000), new Dictionary<Guid, Money> { [H1] = new(750), [H2] = new(9_999) }, Now);
        Debit(second, p => p.Account == LedgerAccount.PlatformFee).ShouldBe(50);
        Debit(second, p => p.Account == LedgerAccount.Household(H1)).ShouldBe(750);
        Debit(second, p => p.Account == LedgerAccount.Household(H2)).ShouldBe(750);
        Debit(second, p => p.Account == LedgerAccount.Supplier(Supplier)).ShouldBe(3_450);

        Should.Throw<DomainException>(() => Refunds.AfterSettlement(settlement, [first, second], Guid.NewGuid(), new Money(1), balances, Now))
            .Code.ShouldBe("Refund.ExceedsRefundable");
    }

    [Fact]
    public void One_fen_refunds_in_a_row_never_reverse_the_same_fen_twice()
    {
        // 2 fen at 50%: H1 gets 1 (H2 0 by tie to the earlier id), supplier 1. Two 1-fen refunds take one from each.
        var settlement = Settled(totalFen: 2, percent: 50m, bps: 0);
        var balances = new Dictionary<Guid, Money> { [H1] = new(1) };
        var first = Refunds.AfterSettlement(settlement, [], Guid.NewGuid(), new Money(1), balances, Now);
        var second = Refunds.AfterSettlement(settlement, [first], Guid.NewGuid(), new Money(1), balances, Now);
        var reversed = LedgerBalances.Of([first, second]);
        reversed.DebitBalance(LedgerAccount.Household(H1)).ShouldBe(new Money(1));
        reversed.DebitBalance(LedgerAccount.Supplier(Supplier)).ShouldBe(new Money(1));
    }

    [Fact]
    public void Refunds_are_checked_against_the_settlement_and_this_orders_refunds_only()
    {
        var settlement = Settled();
        var none = new Dictionary<Guid, Money>();
        Should.Throw<DomainException>(() => Refunds.AfterSettlement(settlement, [], Guid.NewGuid(), new Money(0), none, Now)).Code.ShouldBe("Refund.Amount");
        Should.Throw<DomainException>(() => Refunds.AfterSettlement(settlement, [], Guid.NewGuid(), new Money(10_001), none, Now)).Code.ShouldBe("Refund.ExceedsRefundable");
        Should.Throw<DomainException>(() => Refunds.AfterSettlement(settlement, [settlement], Guid.NewGuid(), new Money(1), none, Now)).Code.ShouldBe("Refund.NotOfThisOrder");
        var payment = PaymentEntries.Received(PaymentMethod.Stripe, "pi_1", new Money(10_000), Supplier, Now);
        Should.Throw<DomainException>(() => Refunds.AfterSettlement(payment, [], Guid.NewGuid(), new Money(1), none, Now)).Code.ShouldBe("Refund.NotASettlement");
        var refundId = Guid.NewGuid();
        var once = Refunds.AfterSettlement(settlement, [], refundId, new Money(10), none, Now);
        Should.Throw<DomainException>(() => Refunds.AfterSettlement(settlement, [once], refundId, new Money(10), none, Now)).Code.ShouldBe("Refund.AlreadyRecorded");
    }

    [Fact]
    public void Before_settlement_money_simply_leaves_escrow()
    {
        var refund = Refunds.FromEscrow(Order, Supplier, Guid.NewGuid(), new Money(2_000), heldInEscrow: new Money(10_000), Now);
        refund.Kind.ShouldBe(JournalEntryKind.EscrowRefund);
        refund.Postings.Select(p => (p.Account, p.Amount.Fen)).ShouldBe([(LedgerAccount.Cash, -2_000), (LedgerAccount.Escrow, 2_000)]);
        Should.Throw<DomainException>(() => Refunds.FromEscrow(Order, Supplier, Guid.NewGuid(), new Money(10_001), new Money(10_000), Now)).Code.ShouldBe("Refund.ExceedsRefundable");
    }
}
