using AidMarket.Domain.Common;
using AidMarket.Domain.Payments;
using CsCheck;
using Shouldly;

namespace AidMarket.Domain.Tests.Payments;

public class BankTransferMatchingTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly PaymentReference Canteen = PaymentReference.FromSequence(1), School = PaymentReference.FromSequence(2),
        Paid = PaymentReference.FromSequence(3);
    private static readonly Dictionary<PaymentReference, Money> Outstanding = new() { [Canteen] = new(441_600), [School] = new(10_000), [Paid] = Money.Zero };
    private static readonly HashSet<string> Recorded = ["B-0001"];

    private static BankTransfer Transfer(long fen, string memo, string slip = "B-1000") => new(Day, new Money(fen), memo, slip);

    [Theory]
    [InlineData(441_600, TransferMatchKind.Exact, 0)]
    [InlineData(400_000, TransferMatchKind.Partial, 0)]
    [InlineData(450_000, TransferMatchKind.Overpaid, 8_400)]
    public void A_known_reference_is_matched_by_amount(long fen, TransferMatchKind kind, long excess)
    {
        var match = BankTransferMatching.Classify(Transfer(fen, $"货款 {Canteen.Value.ToLowerInvariant()}"), Outstanding, Recorded);
        match.Kind.ShouldBe(kind);
        match.Reference.ShouldBe(Canteen);
        match.Outstanding.ShouldBe(new Money(441_600));
        match.Excess.ShouldBe(new Money(excess));
    }

    [Theory]
    [InlineData("货款", UnmatchedReason.NoReference)]
    [InlineData("AM0000000168", UnmatchedReason.NoReference)] // a typo: the check digits do not match
    [InlineData("AM0000000460", UnmatchedReason.UnknownReference)]
    [InlineData("AM0000000363", UnmatchedReason.AlreadyPaid)]
    public void Anything_uncertain_is_unmatched_with_the_reason(string memo, UnmatchedReason reason)
    {
        PaymentReference.FromSequence(3).Value.ShouldBe("AM0000000363");
        var match = BankTransferMatching.Classify(Transfer(100, memo), Outstanding, Recorded);
        match.Kind.ShouldBe(TransferMatchKind.Unmatched);
        match.Reason.ShouldBe(reason);
    }

    [Fact]
    public void A_slip_already_recorded_is_a_duplicate_whatever_its_memo() =>
        BankTransferMatching.Classify(Transfer(441_600, Canteen.Value, " b-0001 "), Outstanding, Recorded).Kind.ShouldBe(TransferMatchKind.DuplicateSlip);

    [Fact]
    public void A_statement_is_matched_in_order_so_two_transfers_to_one_invoice_add_up()
    {
        var matches = BankTransferMatching.ClassifyStatement(
        [
            Transfer(6_000, School.Value, "B-2"), Transfer(4_000, School.Value, "B-3"), Transfer(1, School.Value, "B-4"), Transfer(4_000, School.Value, "B-3"),
        ], Outstanding, Recorded);
        matches.Select(m => m.Kind).ShouldBe([TransferMatchKind.Partial, TransferMatchKind.Exact, TransferMatchKind.Unmatched, TransferMatchKind.DuplicateSlip]);
        matches[2].Reason.ShouldBe(UnmatchedReason.AlreadyPaid);
        BankTransferMatching.ReferencesIn(matches.Select(m => m.Transfer)).ShouldBe([School]);
    }

    [Fact]
    public void The_classification_follows_the_amount_against_what_is_outstanding()
    {
        Gen.Select(Gen.Long[1, 1_000_000_000], Gen.Long[0, 1_000_000_000], Gen.Long[1, PaymentReference.MaxSequence]).Sample((amount, outstanding, sequence) =>
        {
            var reference = PaymentReference.FromSequence(sequence);
            var match = BankTransferMatching.Classify(Transfer(amount, $"ref {reference}"), new Dictionary<PaymentReference, Money> { [reference] = new(outstanding) },
                new HashSet<string>());
            var expected = outstanding == 0 ? TransferMatchKind.Unmatched
                : amount == outstanding ? TransferMatchKind.Exact
                : amount < outstanding ? TransferMatchKind.Partial : TransferMatchKind.Overpaid;
            match.Kind.ShouldBe(expected);
            match.Excess.ShouldBe(new Money(expected == TransferMatchKind.Overpaid ? amount - outstanding : 0));
        });
    }

    [Fact]
    public void A_transfer_is_money_received() =>
        Should.Throw<DomainException>(() => BankTransferMatching.Classify(Transfer(0, ""), Outstanding, Recorded)).Code.ShouldBe("BankTransfer.Amount");
}
