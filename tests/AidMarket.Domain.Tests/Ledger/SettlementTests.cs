using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using CsCheck;
using Shouldly;

namespace AidMarket.Domain.Tests.Ledger;

public class SettlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Order = Guid.NewGuid(), Supplier = Guid.NewGuid();
    private static readonly Guid H1 = G(1), H2 = G(2), H3 = G(3), Mushrooms = G(10), Shoots = G(11), LotA = G(20), LotB = G(21);

    private static Guid G(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");

    private static SettlementRequest Linked(long acceptedFen, decimal percent, int bps = 0) =>
        new(Order, Supplier, percent, [new SettlementLine(Mushrooms, new Money(acceptedFen), [])],
            [new LinkedHousehold(H3, 1), new LinkedHousehold(H1, 1), new LinkedHousehold(H2, 1)], bps);

    private static long Credit(JournalEntry entry, LedgerAccount account) => -entry.Postings.Where(p => p.Account == account).Sum(p => p.Amount.Fen);

    [Fact]
    public void A_thousand_yuan_and_one_fen_at_30_percent_over_three_equal_households()
    {
        // ¥1,000.01 × 30% = 30,000.3 fen → 30,000; 30,000 / 3 = 10,000 each; the supplier keeps 70,001.
        var entry = Settlement.Entry(Linked(100_001, 30.00m), Now);
        entry.Kind.ShouldBe(JournalEntryKind.Settlement);
        entry.SourceKey.ShouldBe($"settlement:{Order}");
        entry.Postings.Single(p => p.Account == LedgerAccount.Escrow).Amount.Fen.ShouldBe(100_001);
        Credit(entry, LedgerAccount.Household(H1)).ShouldBe(10_000);
        Credit(entry, LedgerAccount.Household(H2)).ShouldBe(10_000);
        Credit(entry, LedgerAccount.Household(H3)).ShouldBe(10_000);
        Credit(entry, LedgerAccount.Supplier(Supplier)).ShouldBe(70_001);
        entry.Postings.ShouldNotContain(p => p.Account == LedgerAccount.PlatformFee);
        entry.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable)
            .ShouldAllBe(p => p.SupplierId == Supplier && p.ProductId == Mushrooms);
    }

    [Fact]
    public void Fee_and_share_are_each_rounded_once_half_away_from_zero_and_the_leftover_fen_goes_to_the_earlier_household()
    {
        // ¥1,000.05: fee 1.5% = 1,500.075 → 1,500; share 30% = 30,001.5 → 30,002 = 10,001 + 10,001 + 10,000 (sorted by id).
        var split = Settlement.Split(Linked(100_005, 30m, bps: 150));
        split.Fee.Fen.ShouldBe(1_500);
        split.HouseholdShare.Fen.ShouldBe(30_002);
        split.HouseholdParts.Select(p => (p.HouseholdId, p.Amount.Fen)).ShouldBe([(H1, 10_001), (H2, 10_001), (H3, 10_000)]);
        split.SupplierPart.Fen.ShouldBe(100_005 - 1_500 - 30_002);
    }

    [Fact]
    public void The_share_follows_lines_then_lots_by_quantity_shipped_then_households_by_quantity_supplied()
    {
        // Share 10,000 of 100,000 (10%): mushrooms 60,000 → 6,000, shoots 40,000 → 4,000.
        // Mushrooms: 3 units from lot A (H1 1.5, H2 0.75 → 2:1) and 1 unit from lot B (H3 only): 4,500 → 3,000 + 1,500; 1,500 → H3.
        // Shoots shipped without a lot: to the linked households 1:1:1 → 1,334, 1,333, 1,333.
        var request = new SettlementRequest(Order, Supplier, 10m,
        [
            new SettlementLine(Mushrooms, new Money(60_000), [
                new ShippedFromLot(LotA, 3, [new LotContribution(H1, 1.5m), new LotContribution(H2, 0.75m)]),
                new ShippedFromLot(LotB, 1, [new LotContribution(H3, 12.125m)])]),
            new SettlementLine(Shoots, new Money(40_000), []),
        ], [new LinkedHousehold(H1, 1), new LinkedHousehold(H2, 1), new LinkedHousehold(H3, 1)]);

        var split = Settlement.Split(request);
        split.HouseholdParts.Select(p => (p.HouseholdId, p.ProductId, p.Amount.Fen)).ShouldBe(
        [
            (H1, Mushrooms, 3_000), (H1, Shoots, 1_334),
            (H2, Mushrooms, 1_500), (H2, Shoots, 1_333),
            (H3, Mushrooms, 1_500), (H3, Shoots, 1_333),
        ]);
        split.SupplierPart.Fen.ShouldBe(90_000);
    }

    [Fact]
    public void Goods_shipped_partly_without_a_lot_give_that_part_to_the_linked_households()
    {
        // 1,000 share: 3 units from lot A (H1 only), 1 unit without a lot (linked H2) → 750 and 250.
        var request = new SettlementRequest(Order, Supplier, 10m,
            [new SettlementLine(Mushrooms, new Money(10_000), [new ShippedFromLot(LotA, 3, [new LotContribution(H1, 5m)])], ShippedWithoutLot: 1)],
            [new LinkedHousehold(H2, 7)]);
        Settlement.Split(request).HouseholdParts.Select(p => (p.HouseholdId, p.Amount.Fen)).ShouldBe([(H1, 750), (H2, 250)]);
    }

    [Fact]
    public void A_whole_share_leaves_nothing_for_the_supplier_and_no_supplier_posting()
    {
        var entry = Settlement.Entry(Linked(300, 100m), Now);
        entry.Postings.ShouldNotContain(p => p.Account.Kind == LedgerAccountKind.SupplierPayable);
        SettlementSplit.FromEntry(entry).ShouldSatisfyAllConditions(
            s => s.SupplierPart.Fen.ShouldBe(0), s => s.SupplierId.ShouldBe(Supplier), s => s.HouseholdShare.Fen.ShouldBe(300));
    }

    [Theory]
    [InlineData(-0.01, 0, "Settlement.SharePercent")]
    [InlineData(100.01, 0, "Settlement.SharePercent")]
    [InlineData(12.345, 0, "Settlement.SharePercent")]
    [InlineData(10, -1, "Settlement.FeeBasisPoints")]
    [InlineData(10, 10_001, "Settlement.FeeBasisPoints")]
    [InlineData(95, 600, "Settlement.SharesExceedTotal")]
    public void Shares_out_of_range_are_refused(decimal percent, int bps, string code) =>
        Should.Throw<DomainException>(() => Settlement.Split(Linked(10_000, percent, bps))).Code.ShouldBe(code);

    [Fact]
    public void Nothing_accepted_negative_amounts_and_missing_households_are_refused()
    {
        Should.Throw<DomainException>(() => Settlement.Split(Linked(0, 30m))).Code.ShouldBe("Settlement.NothingAccepted");
        Should.Throw<DomainException>(() => Settlement.Split(Linked(-1, 30m))).Code.ShouldBe("Settlement.NegativeAmount");
        Settlement.Split(Linked(long.MaxValue, 30m)).HouseholdShare.Fen.ShouldBe(2_767_011_611_056_432_742); // 30% of 9,223,372,036,854,775,807 fen is …742.1 fen
        Should.Throw<DomainException>(() => Settlement.Split(Linked(long.MaxValue, 30m) with
            { Lines = [new SettlementLine(Mushrooms, new Money(long.MaxValue), []), new SettlementLine(Shoots, new Money(1), [])] })).Code.ShouldBe("Settlement.TooLarge");
        Should.Throw<DomainException>(() => Settlement.Split(Linked(100, 30m) with { LinkedHouseholds = [] })).Code.ShouldBe("Settlement.NoHouseholds");
        // Without a household share nobody needs to be linked.
        Settlement.Split(Linked(100, 0m) with { LinkedHouseholds = [] }).SupplierPart.Fen.ShouldBe(100);
    }

    [Fact]
    public void Every_settlement_balances_and_allocates_every_fen_the_same_way_whatever_the_order_of_its_input()
    {
        Gen.Select(LedgerGen.Request, Gen.Int).Sample((request, seed) =>
        {
            var split = Settlement.Split(request);
            var total = request.Lines.Sum(l => l.Accepted.Fen);
            split.Total.Fen.ShouldBe(total);
            split.HouseholdShare.Fen.ShouldBe(Money.FromYuan(total / 100m * request.HouseholdSharePercent / 100m).Fen);
            split.Fee.Fen.ShouldBe(Money.FromYuan(total / 100m * request.PlatformFeeBasisPoints / 10_000m).Fen);
            (split.Fee.Fen + split.HouseholdShare.Fen + split.SupplierPart.Fen).ShouldBe(total);
            split.SupplierPart.Fen.ShouldBeGreaterThanOrEqualTo(0);
            split.HouseholdParts.ShouldAllBe(p => p.Amount.Fen > 0);

            var entry = split.ToEntry(Now);
            entry.Postings.Sum(p => p.Amount.Fen).ShouldBe(0);
            entry.Total.Fen.ShouldBe(total);
            SettlementSplit.FromEntry(entry).HouseholdParts.ShouldBe(split.HouseholdParts);

            var again = Settlement.Entry(LedgerGen.Shuffled(request, seed), Now);
            again.Postings.ShouldBe(entry.Postings);
        });
    }
}
