namespace AidMarket.Domain.Common;

/// <summary>Turns decimal quantities into whole-number weights with exactly the same ratios, for <see cref="Money.Allocate"/>.</summary>
public static class ExactWeights
{
    /// <summary>
    /// Scales every quantity by the same power of ten (the most decimals any of them has) and divides by the common
    /// divisor: 1.5 : 2.25 becomes 6 : 9. No floating point, so the split is the same on every machine.
    /// </summary>
    public static long[] Of(IReadOnlyList<decimal> quantities)
    {
        if (quantities.Any(q => q < 0))
            throw new DomainException("Split.Weights", "A split needs at least one positive weight and none negative.");
        var scale = quantities.Count == 0 ? 0 : quantities.Max(DecimalsOf);
        var factor = 1m;
        for (int i = 0; i < scale; i++) factor *= 10;
        try
        {
            var weights = quantities.Select(q => decimal.ToInt64(q * factor)).ToArray();
            var divisor = weights.Aggregate(0L, Gcd);
            if (divisor > 1) for (int i = 0; i < weights.Length; i++) weights[i] /= divisor;
            _ = weights.Aggregate(0L, (sum, w) => checked(sum + w));
            return weights;
        }
        catch (OverflowException)
        {
            throw new DomainException("Split.WeightsTooLarge", "These quantities are too large or too precise to split exactly.");
        }
    }

    private static int DecimalsOf(decimal quantity)
    {
        var scale = 0;
        while (decimal.Truncate(quantity) != quantity)
        {
            quantity *= 10;
            scale++;
        }
        return scale;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
