using AidMarket.Domain.Common;
using AidMarket.Domain.Payments;
using CsCheck;
using Shouldly;

namespace AidMarket.Domain.Tests.Payments;

public class PaymentReferenceTests
{
    [Theory]
    [InlineData(1, "AM0000000169")]
    [InlineData(12_345_678, "AM1234567863")]
    public void A_reference_is_AM_eight_digits_and_two_mod_97_check_digits(long sequence, string text) =>
        PaymentReference.FromSequence(sequence).Value.ShouldBe(text);

    [Theory]
    [InlineData(0)]
    [InlineData(100_000_000)]
    public void The_sequence_is_from_one_to_eight_digits(long sequence) =>
        Should.Throw<DomainException>(() => PaymentReference.FromSequence(sequence)).Code.ShouldBe("PaymentReference.Sequence");

    [Theory]
    [InlineData("AM1234567863")]
    [InlineData("am 1234 5678 63")]
    [InlineData(" AM-1234-5678-63 ")]
    [InlineData("ＡＭ１２３４５６７８６３")]
    public void Parsing_ignores_case_spaces_hyphens_and_full_width_digits(string text)
    {
        PaymentReference.TryParse(text, out var reference).ShouldBeTrue();
        reference.Value.ShouldBe("AM1234567863");
    }

    [Theory]
    [InlineData("货款 AM1234567863 海珠区机关食堂", true)]
    [InlineData("付款识别码am 1234 5678 63谢谢", true)]
    [InlineData("AM1234567863 again AM1234567863", true)]
    [InlineData("AM1234567864", false)]
    [InlineData("货款", false)]
    [InlineData("AM0000000169 and AM1234567863", false)]
    [InlineData("", false)]
    public void A_reference_is_found_in_free_memo_text_when_there_is_exactly_one(string memo, bool found)
    {
        PaymentReference.TryFind(memo, out var reference).ShouldBe(found);
        if (found) reference.Value.ShouldBe("AM1234567863");
    }

    [Fact]
    public void Every_reference_round_trips_and_any_single_changed_digit_or_adjacent_swap_is_caught()
    {
        Gen.Select(Gen.Long[1, PaymentReference.MaxSequence], Gen.Int[2, 11], Gen.Int[1, 9]).Sample((sequence, position, change) =>
        {
            var reference = PaymentReference.FromSequence(sequence);
            PaymentReference.TryParse(reference.Value, out var parsed).ShouldBeTrue();
            parsed.ShouldBe(reference);
            PaymentReference.TryFind($"转账 {reference.Value.ToLowerInvariant()} 谢谢", out var found).ShouldBeTrue();
            found.ShouldBe(reference);

            var chars = reference.Value.ToCharArray();
            chars[position] = (char)('0' + (chars[position] - '0' + change) % 10);
            PaymentReference.TryParse(new string(chars), out _).ShouldBeFalse();

            if (position < 11 && reference.Value[position] != reference.Value[position + 1])
            {
                var swapped = reference.Value.ToCharArray();
                (swapped[position], swapped[position + 1]) = (swapped[position + 1], swapped[position]);
                PaymentReference.TryParse(new string(swapped), out _).ShouldBeFalse();
            }
        });
    }
}
