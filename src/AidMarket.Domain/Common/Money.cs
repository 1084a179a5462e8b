using System.Globalization;

namespace AidMarket.Domain.Common;

/// <summary>An exact amount of renminbi held as integer fen (分).</summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    /// <summary>The one place where yuan are rounded to fen: half away from zero.</summary>
    public static Money FromYuan(decimal yuan)
    {
        try { return new(checked((long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero))); }
        catch (OverflowException) { throw TooLarge(); }
    }

    public decimal Yuan => Fen / 100m;

    public static Money operator +(Money a, Money b) { try { return new(checked(a.Fen + b.Fen)); } catch (OverflowException) { throw TooLarge(); } }
    public static Money operator -(Money a, Money b) { try { return new(checked(a.Fen - b.Fen)); } catch (OverflowException) { throw TooLarge(); } }
    public static Money operator -(Money a) { try { return new(checked(-a.Fen)); } catch (OverflowException) { throw TooLarge(); } }
    public static Money operator *(Money a, long quantity) { try { return new(checked(a.Fen * quantity)); } catch (OverflowException) { throw TooLarge(); } }

    /// <summary>An amount past what fen in a long hold is bad input (a typed price, a quantity), not a server fault.</summary>
    private static DomainException TooLarge() => new("Money.TooLarge", "The amount is too large.");
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Always "¥" and two decimals with group separators, whatever the UI culture.</summary>
    public override string ToString() =>
        (Fen < 0 ? "-¥" : "¥") + Math.Abs(Yuan).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Splits this amount over the weights by largest remainder: every fen is allocated,
    /// and equal inputs give equal outputs (ties go to the earlier weight).
    /// </summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<long> weights)
    {
        SplitMustAllocateEveryFen.CheckWeights(weights);
        if (Fen < 0) return Negate(new Money(-Fen).Allocate(weights));

        long total = weights.Sum();
        var parts = new long[weights.Count];
        var remainders = new (Int128 Remainder, int Index)[weights.Count];
        long allocated = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            Int128 product = (Int128)Fen * weights[i];
            parts[i] = (long)(product / total);
            remainders[i] = (product % total, i);
            allocated += parts[i];
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index)
                     .Take((int)(Fen - allocated)))
            parts[index]++;

        var result = parts.Select(p => new Money(p)).ToArray();
        SplitMustAllocateEveryFen.Check(this, result);
        return result;
    }

    private static Money[] Negate(IReadOnlyList<Money> parts) => parts.Select(p => new Money(-p.Fen)).ToArray();
}
