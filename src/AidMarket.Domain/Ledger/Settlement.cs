using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

/// <summary>
/// 分账: splits an accepted supplier order into platform fee, household share and the supplier's part. The fee and the
/// household share are each rounded once, half away from zero; the household share then goes down the lines (by
/// accepted fen), their lots (by quantity shipped from each) and the lots' households (by quantity supplied), by largest
/// remainder at each step. Everything is sorted by id first, so the same input in any order gives the same split.
/// </summary>
public static class Settlement
{
    public static SettlementSplit Split(SettlementRequest request)
    {
        Validate(request);
        var sum = request.Lines.Aggregate((Int128)0, (total, l) => total + l.Accepted.Fen);
        if (sum > long.MaxValue) throw new DomainException("Settlement.TooLarge", "This amount is too large to settle.");
        var total = new Money((long)sum);
        var fee = Money.FromYuan(total.Yuan * request.PlatformFeeBasisPoints / 10_000m);
        var householdShare = Money.FromYuan(total.Yuan * request.HouseholdSharePercent / 100m);
        if (fee + householdShare > total)
            throw new DomainException("Settlement.SharesExceedTotal", "The platform fee and the household share together exceed the amount settled.");

        var parts = new List<HouseholdPart>();
        var lines = request.Lines.OrderBy(l => l.ProductId).ToList();
        var lineParts = householdShare.Fen == 0 ? lines.Select(_ => Money.Zero).ToList() : householdShare.Allocate(lines.Select(l => l.Accepted.Fen).ToList());
        for (int i = 0; i < lines.Count; i++)
            if (lineParts[i].Fen > 0)
                parts.AddRange(SplitLine(lines[i], lineParts[i], request.LinkedHouseholds));

        var householdParts = parts.GroupBy(p => (p.HouseholdId, p.ProductId))
            .Select(g => new HouseholdPart(g.Key.HouseholdId, g.Key.ProductId, new Money(g.Sum(p => p.Amount.Fen))))
            .Where(p => p.Amount.Fen > 0).OrderBy(p => p.HouseholdId).ThenBy(p => p.ProductId).ToList();
        SplitMustAllocateEveryFen.Check(householdShare, householdParts.Select(p => p.Amount).ToList());
        return new SettlementSplit(request.SupplierOrderId, request.SupplierId, total, fee, total - fee - householdShare, householdParts);
    }

    /// <summary>The settlement entry: Dr Escrow (total); Cr PlatformFee; Cr HouseholdPayable per household and product; Cr SupplierPayable (the rest).</summary>
    public static JournalEntry Entry(SettlementRequest request, DateTimeOffset occurredAt, string? memo = null) =>
        Split(request).ToEntry(occurredAt, memo);

    private static IEnumerable<HouseholdPart> SplitLine(SettlementLine line, Money part, IReadOnlyList<LinkedHousehold> linked)
    {
        if (line.Lots.Count == 0) return ToLinked(line.ProductId, part, linked);
        var lots = line.Lots.OrderBy(l => l.LotId).ToList();
        var weights = ExactWeights.Of([.. lots.Select(l => l.Quantity), line.ShippedWithoutLot]);
        var lotParts = part.Allocate(weights);
        var result = new List<HouseholdPart>();
        for (int i = 0; i < lots.Count; i++)
        {
            if (lotParts[i].Fen == 0) continue;
            var households = lots[i].Contributions.OrderBy(c => c.HouseholdId).ToList();
            var shares = lotParts[i].Allocate(ExactWeights.Of(households.Select(c => c.Quantity).ToList()));
            result.AddRange(households.Select((h, k) => new HouseholdPart(h.HouseholdId, line.ProductId, shares[k])));
        }
        if (lotParts[^1].Fen > 0) result.AddRange(ToLinked(line.ProductId, lotParts[^1], linked));
        return result;
    }

    private static IEnumerable<HouseholdPart> ToLinked(Guid productId, Money part, IReadOnlyList<LinkedHousehold> linked)
    {
        if (linked.Count == 0)
            throw new DomainException("Settlement.NoHouseholds", "Goods shipped without a lot need households linked to the supplier to receive their share.");
        var households = linked.OrderBy(h => h.HouseholdId).ToList();
        var shares = part.Allocate(households.Select(h => h.Weight).ToList());
        return households.Select((h, k) => new HouseholdPart(h.HouseholdId, productId, shares[k]));
    }

    private static void Validate(SettlementRequest request)
    {
        if (request.HouseholdSharePercent is < 0 or > 100 || decimal.Round(request.HouseholdSharePercent, 2) != request.HouseholdSharePercent)
            throw new DomainException("Settlement.SharePercent", "The household share is a percentage from 0 to 100 with at most two decimals.");
        if (request.PlatformFeeBasisPoints is < 0 or > 10_000)
            throw new DomainException("Settlement.FeeBasisPoints", "The platform fee is from 0 to 10,000 basis points.");
        if (request.Lines.Any(l => l.Accepted < Money.Zero))
            throw new DomainException("Settlement.NegativeAmount", "An accepted amount cannot be negative.");
        if (request.Lines.Select(l => l.ProductId).Distinct().Count() != request.Lines.Count)
            throw new DomainException("Settlement.LineTwice", "Each product appears once in a settlement.");
        if (request.Lines.All(l => l.Accepted == Money.Zero))
            throw new DomainException("Settlement.NothingAccepted", "Nothing was accepted, so there is nothing to settle.");
        foreach (var line in request.Lines)
        {
            if (line.ShippedWithoutLot < 0 || line.Lots.Any(l => l.Quantity <= 0 || l.Contributions.Count == 0 || l.Contributions.Any(c => c.Quantity <= 0)))
                throw new DomainException("Settlement.LotQuantity", "Quantities shipped and supplied must be greater than zero.");
            if (line.Lots.Select(l => l.LotId).Distinct().Count() != line.Lots.Count
                || line.Lots.Any(l => l.Contributions.Select(c => c.HouseholdId).Distinct().Count() != l.Contributions.Count))
                throw new DomainException("Settlement.Twice", "A lot appears once per line and a household once per lot.");
        }
        if (request.LinkedHouseholds.Any(h => h.Weight <= 0) || request.LinkedHouseholds.Select(h => h.HouseholdId).Distinct().Count() != request.LinkedHouseholds.Count)
            throw new DomainException("Settlement.LinkWeight", "Each linked household appears once with a weight above zero.");
    }
}
