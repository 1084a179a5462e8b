using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using CsCheck;

namespace AidMarket.Domain.Tests.Ledger;

/// <summary>Random settlement requests drawn from a small pool of households, so the same household often appears in several lots and lines.</summary>
internal static class LedgerGen
{
    // Mostly small equal-ish quantities: ties are where largest remainder depends on order.
    private static readonly Gen<decimal> Quantity = Gen.Frequency(
        (3, Gen.Int[1, 3].Select(n => (decimal)n)),
        (2, Gen.Select(Gen.Int[1, 100_000], Gen.Int[0, 3], (n, scale) => n / (decimal)Math.Pow(10, scale))));

    private static Gen<LotContribution[]> Contributions(Guid[] pool) =>
        Gen.Select(Gen.Shuffle(pool), Gen.Int[1, pool.Length], Quantity.Array[pool.Length],
            (households, count, quantities) => households.Take(count).Select((h, i) => new LotContribution(h, quantities[i])).ToArray());

    private static Gen<SettlementLine> Line(Guid[] pool) =>
        Gen.Select(Gen.Guid, Gen.Frequency((2, Gen.Long[0, 1_000]), (3, Gen.Long[0, 5_000_000_000])),
            Gen.Select(Gen.Guid, Quantity, Contributions(pool), (id, q, c) => new ShippedFromLot(id, q, c)).Array[0, 3],
            Gen.Frequency((3, Gen.Const(0m)), (1, Quantity)),
            (product, accepted, lots, withoutLot) => new SettlementLine(product, new Money(accepted), lots, lots.Length == 0 ? 0 : withoutLot));

    public static readonly Gen<SettlementRequest> Request =
        Gen.Guid.Array[6].SelectMany(pool =>
            Gen.Select(Gen.Guid, Gen.Guid, Gen.Int[0, 10_000], Line(pool).Array[1, 4],
                Gen.Select(Gen.Shuffle(pool), Gen.Int[1, pool.Length], Gen.Frequency((2, Gen.Long[1, 3]), (1, Gen.Long[1, 1000])).Array[pool.Length],
                    (households, count, weights) => households.Take(count).Select((h, i) => new LinkedHousehold(h, weights[i])).ToArray()),
                Gen.Int[0, 3_000],
                (order, supplier, percentHundredths, lines, linked, bps) =>
                    new SettlementRequest(order, supplier, percentHundredths / 100m, lines, linked, bps)))
        .Where(r => r.Lines.Sum(l => l.Accepted.Fen) > 0 && r.HouseholdSharePercent * 100 + r.PlatformFeeBasisPoints <= 10_000);

    /// <summary>The same request with every list in another order.</summary>
    public static SettlementRequest Shuffled(SettlementRequest request, int seed)
    {
        var random = new Random(seed);
        T[] Mix<T>(IEnumerable<T> items) => items.OrderBy(_ => random.Next()).ToArray();
        return request with
        {
            Lines = Mix(request.Lines.Select(l => l with { Lots = Mix(l.Lots.Select(lot => lot with { Contributions = Mix(lot.Contributions) })) })),
            LinkedHouseholds = Mix(request.LinkedHouseholds),
        };
    }
}
