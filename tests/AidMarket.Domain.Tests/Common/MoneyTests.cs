using AidMarket.Domain.Common;
using CsCheck;
using Shouldly;

namespace AidMarket.Domain.Tests.Common;

public class MoneyTests
{
    [Theory]
    [InlineData(12.345, 1235)]
    [InlineData(12.344, 1234)]
    [InlineData(0.005, 1)]
    [InlineData(-0.005, -1)]
    [InlineData(98, 9800)]
    public void Yuan_are_rounded_half_away_from_zero_to_whole_fen(decimal yuan, long fen) =>
        Money.FromYuan(yuan).Fen.ShouldBe(fen);

    [Theory]
    [InlineData(9800, "¥98.00")]
    [InlineData(123456789, "¥1,234,567.89")]
    [InlineData(5, "¥0.05")]
    [InlineData(-250, "-¥2.50")]
    public void Shown_as_yuan_sign_with_two_decimals(long fen, string text) => new Money(fen).ToString().ShouldBe(text);

    [Fact]
    public void Negating_flips_the_sign_and_refuses_what_a_long_cannot_hold()
    {
        (-new Money(250)).ShouldBe(new Money(-250));
        (-new Money(-250)).ShouldBe(new Money(250));
        Should.Throw<DomainException>(() => -new Money(long.MinValue)).Code.ShouldBe("Money.TooLarge");
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            new Money(123456).ToString().ShouldBe("¥1,234.56");
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
    }

    [Fact]
    public void Allocation_by_largest_remainder_gives_the_leftover_fen_to_the_largest_fractions()
    {
        // 100 fen over 1:1:1 → 33.33 each; one fen left, to the first (ties go to the earlier weight).
        new Money(100).Allocate([1, 1, 1]).Select(m => m.Fen).ShouldBe([34, 33, 33]);
        // 1000 fen over 3:3:4 → 300, 300, 400 exactly.
        new Money(1000).Allocate([3, 3, 4]).Select(m => m.Fen).ShouldBe([300, 300, 400]);
        // 10 fen over 1:2:3:4:... remainders decide.
        new Money(10).Allocate([2, 3, 5, 7]).Select(m => m.Fen).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public void A_split_needs_positive_weights()
    {
        Should.Throw<DomainException>(() => new Money(100).Allocate([])).Code.ShouldBe("Split.Weights");
        Should.Throw<DomainException>(() => new Money(100).Allocate([0, 0])).Code.ShouldBe("Split.Weights");
        Should.Throw<DomainException>(() => new Money(100).Allocate([5, -1])).Code.ShouldBe("Split.Weights");
    }

    [Fact]
    public void Every_split_allocates_every_fen_deterministically_and_fairly()
    {
        Gen.Select(Gen.Long[-10_000_000_000, 10_000_000_000], Gen.Long[0, 1_000_000].Array[1, 40])
            .Where((_, w) => w.Sum() > 0)
            .Sample((amount, weights) =>
            {
                var whole = new Money(amount);
                var parts = whole.Allocate(weights);
                parts.Count.ShouldBe(weights.Length);
                parts.Sum(p => p.Fen).ShouldBe(amount);
                whole.Allocate(weights).ShouldBe(parts);
                var total = weights.Sum();
                for (int i = 0; i < weights.Length; i++)
                {
                    var exact = (decimal)amount * weights[i] / total;
                    Math.Abs(parts[i].Fen - exact).ShouldBeLessThan(1m);
                }
            });
    }
}
