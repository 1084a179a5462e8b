using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using Shouldly;

namespace AidMarket.Domain.Tests.Payments;

public class DisbursementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid H1 = Guid.Parse("00000000-0000-0000-0000-000000000001"), H2 = Guid.Parse("00000000-0000-0000-0000-000000000002"),
        H3 = Guid.Parse("00000000-0000-0000-0000-000000000003");

    private static DisbursementBatch Batch(long minimum = 0) =>
        DisbursementBatch.FromBalances(new Dictionary<Guid, Money> { [H3] = new(500), [H1] = new(12_000), [H2] = Money.Zero }, new Money(minimum), Now);

    [Fact]
    public void A_batch_pays_each_positive_balance_in_full_and_moves_it_into_transit()
    {
        var batch = Batch();
        batch.Lines.Select(l => (l.HouseholdId, l.Amount, l.Status)).ShouldBe([(H1, new Money(12_000), DisbursementStatus.Pending), (H3, new Money(500), DisbursementStatus.Pending)]);
        var sent = batch.SentEntry();
        sent.SourceKey.ShouldBe($"disbursement:{batch.Id}");
        var balances = LedgerBalances.Of([sent]);
        balances.DebitBalance(LedgerAccount.Household(H1)).ShouldBe(new Money(12_000));
        balances.CreditBalance(LedgerAccount.DisbursementsInTransit).ShouldBe(new Money(12_500));
        Batch(minimum: 1_000).Lines.ShouldHaveSingleItem().HouseholdId.ShouldBe(H1);
        Should.Throw<DomainException>(() => Batch(minimum: 20_000)).Code.ShouldBe("Disbursement.Empty");
        Should.Throw<DomainException>(() => Batch(minimum: -1)).Code.ShouldBe("Disbursement.Minimum");
    }

    [Fact]
    public void A_paid_line_leaves_cash_and_a_failed_line_is_owed_again_and_neither_happens_twice()
    {
        var batch = Batch();
        var paid = batch.MarkPaid(H1, " 惠农卡-778 ", Now);
        paid.Postings.Select(p => (p.Account, p.Amount.Fen)).ShouldBe([(LedgerAccount.Cash, -12_000), (LedgerAccount.DisbursementsInTransit, 12_000)]);
        batch.Lines[0].BankReference.ShouldBe("惠农卡-778");
        batch.IsComplete.ShouldBeFalse();

        Should.Throw<DomainException>(() => batch.MarkFailed(H3, " ", Now)).Code.ShouldBe("Review.ReasonRequired");
        var failed = batch.MarkFailed(H3, "账户已销户", Now);
        failed.Postings.Select(p => (p.Account, p.Amount.Fen)).ShouldBe([(LedgerAccount.Household(H3), -500), (LedgerAccount.DisbursementsInTransit, 500)]);
        failed.SourceKey.ShouldBe(SourceKeys.DisbursementLine(batch.Id, H3));
        batch.IsComplete.ShouldBeTrue();

        Should.Throw<DomainException>(() => batch.MarkFailed(H1, "x", Now)).Code.ShouldBe("Disbursement.LineSettled");
        Should.Throw<DomainException>(() => batch.MarkPaid(H3, null, Now)).Code.ShouldBe("Disbursement.LineSettled");
        Should.Throw<DomainException>(() => batch.MarkPaid(H2, null, Now)).Code.ShouldBe("Disbursement.NoSuchLine");

        var books = LedgerBalances.Of([batch.SentEntry(), paid, failed]);
        books.CreditBalance(LedgerAccount.DisbursementsInTransit).ShouldBe(new Money(0));
        books.CreditBalance(LedgerAccount.Household(H3)).ShouldBe(new Money(0)); // was debited 500 when sent, credited back on failure
    }

    [Fact]
    public void A_supplier_payout_is_at_most_its_payable_balance()
    {
        var supplier = Guid.NewGuid();
        var payout = new SupplierPayout(supplier, new Money(7_000), payableBalance: new Money(7_000), PayoutMethod.BankBatch, Now);
        payout.Entry().Postings.Select(p => (p.Account, p.Amount.Fen)).ShouldBe([(LedgerAccount.Cash, -7_000), (LedgerAccount.Supplier(supplier), 7_000)]);
        Should.Throw<DomainException>(() => new SupplierPayout(supplier, new Money(7_001), new Money(7_000), PayoutMethod.StripeConnect, Now)).Code.ShouldBe("SupplierPayout.ExceedsBalance");
        Should.Throw<DomainException>(() => new SupplierPayout(supplier, Money.Zero, new Money(7_000), PayoutMethod.StripeConnect, Now)).Code.ShouldBe("SupplierPayout.Amount");
        Should.Throw<DomainException>(() => new SupplierPayout(supplier, new Money(1), new Money(-50), PayoutMethod.StripeConnect, Now)).Code.ShouldBe("SupplierPayout.ExceedsBalance");
    }

    [Fact]
    public void A_bank_payout_is_answered_once_and_a_failed_one_is_owed_to_the_supplier_again()
    {
        Guid s1 = Guid.Parse("00000000-0000-0000-0000-00000000000a"), s2 = Guid.Parse("00000000-0000-0000-0000-00000000000b");
        var batch = SupplierPayoutBatch.FromBalances(new Dictionary<Guid, Money> { [s2] = new(3_000), [s1] = new(7_000), [H1] = Money.Zero }, Now);
        batch.Payouts.Select(p => (p.SupplierId, p.Amount, p.Method, p.BatchId)).ShouldBe([(s1, new Money(7_000), PayoutMethod.BankBatch, (Guid?)batch.Id), (s2, new Money(3_000), PayoutMethod.BankBatch, (Guid?)batch.Id)]);
        batch.Total.ShouldBe(new Money(10_000));

        batch.Payouts[0].MarkPaid(" BOC-1 ", Now);
        batch.Payouts[0].BankReference.ShouldBe("BOC-1");
        var failed = batch.Payouts[1].MarkFailed("户名不符", Now);
        failed.SourceKey.ShouldBe(SourceKeys.SupplierPayoutFailed(batch.Payouts[1].Id));
        var books = LedgerBalances.Of(batch.Payouts.Select(p => p.Entry()).Append(failed));
        books.CreditBalance(LedgerAccount.Supplier(s2)).ShouldBe(new Money(0)); // debited when sent, credited back: owed as before
        books.CreditBalance(LedgerAccount.Supplier(s1)).ShouldBe(new Money(-7_000)); // paid out of what settlement credited
        Should.Throw<DomainException>(() => batch.Payouts[1].MarkPaid(null, Now)).Code.ShouldBe("SupplierPayout.Settled");
        Should.Throw<DomainException>(() => batch.Payouts[0].MarkFailed("x", Now)).Code.ShouldBe("SupplierPayout.Settled");
        Should.Throw<DomainException>(() => SupplierPayoutBatch.FromBalances(new Dictionary<Guid, Money> { [s1] = Money.Zero }, Now)).Code.ShouldBe("SupplierPayout.Empty");
    }

    [Fact]
    public void A_stripe_connect_payout_names_its_account_and_a_paid_transfer_reversed_in_full_is_owed_again_once()
    {
        var supplier = Guid.NewGuid();
        Should.Throw<ArgumentException>(() => new SupplierPayout(supplier, new Money(100), new Money(100), PayoutMethod.StripeConnect, Now));
        Should.Throw<ArgumentException>(() => new SupplierPayout(supplier, new Money(100), new Money(100), PayoutMethod.BankBatch, Now, stripeAccountId: "acct_1Nv0FGQ9RKHgCVdK"));
        var payout = new SupplierPayout(supplier, new Money(5_000), new Money(5_000), PayoutMethod.StripeConnect, Now, stripeAccountId: "acct_1Nv0FGQ9RKHgCVdK");
        Should.Throw<DomainException>(() => payout.MarkReversed("reversed", Now)).Code.ShouldBe("SupplierPayout.NotReversible");

        payout.MarkPaid("tr_1", Now);
        var reversed = payout.MarkReversed("Stripe transfer tr_1 reversed", Now);
        (payout.Status, payout.FailureReason, reversed.SourceKey).ShouldBe((PayoutStatus.Failed, "Stripe transfer tr_1 reversed", SourceKeys.SupplierPayoutFailed(payout.Id)));
        LedgerBalances.Of([payout.Entry(), reversed]).CreditBalance(LedgerAccount.Supplier(supplier)).ShouldBe(new Money(0));
        Should.Throw<DomainException>(() => payout.MarkReversed("again", Now)).Code.ShouldBe("SupplierPayout.NotReversible");

        var bank = new SupplierPayout(supplier, new Money(100), new Money(100), PayoutMethod.BankBatch, Now);
        bank.MarkPaid("BOC-1", Now);
        Should.Throw<DomainException>(() => bank.MarkReversed("x", Now)).Code.ShouldBe("SupplierPayout.NotReversible");
        new SupplierPayout(supplier, new Money(100), new Money(100), PayoutMethod.BankBatch, Now).MarkFailed(new string('长', 400), Now).Memo!.Length.ShouldBe(SupplierPayout.MaxReasonLength);
    }
}
