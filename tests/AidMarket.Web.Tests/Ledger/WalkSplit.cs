using AidMarket.Domain.Ledger;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>One household's part of a settled order from one product, and how much of it refunds have not reversed yet.</summary>
public sealed class WalkShare(Guid household, Guid product, long fen)
{
    public Guid Household { get; } = household;
    public Guid Product { get; } = product;
    public long Fen { get; } = fen;
    public long Unreversed { get; set; } = fen;
}

/// <summary>A settled order's split as the rules give it, and what is left of each part to reverse.</summary>
public sealed class WalkSettlement(long total, long householdFen, IReadOnlyList<WalkShare> shares)
{
    public long Total { get; } = total;
    public long HouseholdFen { get; } = householdFen;
    public long SupplierFen { get; } = total - householdFen;
    public IReadOnlyList<WalkShare> Shares { get; } = shares;
    public long SupplierUnreversed { get; set; } = total - householdFen;
    public long Unreversed => SupplierUnreversed + Shares.Sum(s => s.Unreversed);
}

/// <summary>A posting the model expects, keyed as the app writes it: account, product, and the household a supplier covers.</summary>
public sealed record WalkPosting(LedgerAccount Account, Guid? Product, Guid? Covered, long Fen);

/// <summary>
/// The split rules of DOMAIN.md worked out again in the test, apart from the app's code: the household share rounded once
/// (half away from zero), then every split by largest remainder with ties to the earlier share, down lines (by accepted
/// fen), lots (by quantity shipped from each) and households (by quantity supplied, or by link weight for goods without a
/// lot); a refund after settlement spread over what is left of each part, households giving back at most what they hold.
/// The platform fee is the default, zero.
/// </summary>
public static class WalkSplit
{
    public static long[] LargestRemainder(long fen, IReadOnlyList<long> weights)
    {
        var parts = new long[weights.Count];
        if (fen == 0) return parts;
        var total = weights.Sum();
        total.ShouldBeGreaterThan(0, "something to split by");
        var remainders = new (Int128 Remainder, int Index)[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var product = (Int128)fen * weights[i];
            parts[i] = (long)(product / total);
            remainders[i] = (product % total, i);
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(fen - parts.Sum())))
            parts[index]++;
        return parts;
    }

    /// <summary>Quantities (the forms take up to three decimals) as whole weights in the same ratio.</summary>
    private static long Weight(decimal quantity) => decimal.ToInt64(quantity * 1000m);

    public static WalkSettlement Settle(WalkOrder order, IReadOnlyDictionary<Guid, WalkLot> lots)
    {
        var lines = order.Lines.Where(l => l.Accepted > 0).OrderBy(l => l.ProductId).ToList();
        var total = lines.Sum(l => l.AcceptedFen);
        var share = decimal.ToInt64(decimal.Round(total * order.Supplier.SharePercent / 100m, MidpointRounding.AwayFromZero));
        var byLine = LargestRemainder(share, lines.Select(l => l.AcceptedFen).ToList());
        var parts = lines.SelectMany((line, i) => SplitLine(line, byLine[i], lots, order.Supplier.Linked));
        var shares = parts.GroupBy(p => (p.Household, p.Product)).Select(g => new WalkShare(g.Key.Household, g.Key.Product, g.Sum(p => p.Fen)))
            .Where(s => s.Fen > 0).OrderBy(s => s.Household).ThenBy(s => s.Product).ToList();
        return new WalkSettlement(total, share, shares);
    }

    private static List<(Guid Household, Guid Product, long Fen)> SplitLine(WalkLine line, long fen, IReadOnlyDictionary<Guid, WalkLot> lots,
        IReadOnlyList<(Guid Household, long Weight)> linked)
    {
        if (fen == 0) return [];
        if (line.FromLots.Count == 0) return ToLinked(line.ProductId, fen, linked);
        var shipped = line.FromLots.OrderBy(l => l.Key).ToList();
        var byLot = LargestRemainder(fen, [.. shipped.Select(l => Weight(l.Value)), Weight(line.WithoutLot)]);
        var parts = new List<(Guid, Guid, long)>();
        for (var i = 0; i < shipped.Count; i++)
        {
            var households = lots[shipped[i].Key].Contributions.OrderBy(c => c.Household).ToList();
            var shares = LargestRemainder(byLot[i], households.Select(c => Weight(c.Quantity)).ToList());
            parts.AddRange(households.Select((h, k) => (h.Household, line.ProductId, shares[k])));
        }
        if (byLot[^1] > 0) parts.AddRange(ToLinked(line.ProductId, byLot[^1], linked));
        return parts;
    }

    private static List<(Guid, Guid, long)> ToLinked(Guid product, long fen, IReadOnlyList<(Guid Household, long Weight)> linked)
    {
        var households = linked.OrderBy(l => l.Household).ToList();
        var shares = LargestRemainder(fen, households.Select(h => h.Weight).ToList());
        return households.Select((h, k) => (h.Household, product, shares[k])).ToList();
    }

    /// <summary>The entry of a refund after settlement, with the parts it reverses taken off what is left of them.</summary>
    public static List<WalkPosting> Reverse(WalkSettlement settlement, Guid supplierId, long fen, Func<Guid, long> householdBalance)
    {
        var weights = new List<long> { 0 }; // the platform fee, zero here
        weights.AddRange(settlement.Shares.Select(s => Math.Max(0, s.Unreversed)));
        weights.Add(Math.Max(0, settlement.SupplierUnreversed));
        var parts = LargestRemainder(fen, weights);
        var supplier = LedgerAccount.Supplier(supplierId);
        var postings = new List<WalkPosting> { new(LedgerAccount.Cash, null, null, -fen), new(supplier, null, null, parts[^1]) };
        settlement.SupplierUnreversed -= parts[^1];
        var available = settlement.Shares.Select(s => s.Household).Distinct().ToDictionary(h => h, h => Math.Max(0, householdBalance(h)));
        for (var i = 0; i < settlement.Shares.Count; i++)
        {
            var share = settlement.Shares[i];
            var due = parts[i + 1];
            var fromHousehold = Math.Min(due, available[share.Household]);
            available[share.Household] -= fromHousehold;
            share.Unreversed -= due;
            postings.Add(new(LedgerAccount.Household(share.Household), share.Product, null, fromHousehold));
            postings.Add(new(supplier, share.Product, share.Household, due - fromHousehold));
        }
        return postings.Where(p => p.Fen != 0).ToList();
    }
}
