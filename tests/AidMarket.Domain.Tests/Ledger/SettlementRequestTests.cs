using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using Shouldly;

namespace AidMarket.Domain.Tests.Ledger;

public class SettlementRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Supplier = Guid.NewGuid(), Mushrooms = Guid.NewGuid();
    private static readonly Guid H1 = Guid.NewGuid(), H2 = Guid.NewGuid(), H3 = Guid.NewGuid();

    private static BenefitLink Link(Guid supplier, Guid household, LinkKind kind, int weight, bool confirm = true)
    {
        var link = new BenefitLink(supplier, household, kind, weight, Today.AddYears(-1), null, Now);
        if (confirm) link.Confirm(Now);
        return link;
    }

    [Fact]
    public void The_request_is_gathered_from_the_accepted_order_its_delivery_notes_lots_and_active_links()
    {
        var order = new PurchaseOrder(Guid.NewGuid(), "PO-20261122-000008", "p", new DeliveryDetails("", "", "海珠区", new DateOnly(2026, 11, 30), ""),
            [new OrderLine(Mushrooms, Supplier, "姬松茸", "斤", 50, new Money(9200))], new Money(long.MaxValue), Now);
        var supplierOrder = order.Place(new Dictionary<Guid, PlanAtPlacement> { [Supplier] = new(Guid.NewGuid(), 30m) }, Now).Single();
        var lot = new ProductLot(Mushrooms, Supplier, "L-1", Today, [new LotContribution(H1, 2.5m), new LotContribution(H2, 7.5m)], Now);
        supplierOrder.Confirm(new Dictionary<Guid, string>(), Now);
        Should.Throw<DomainException>(() => SettlementRequest.For(supplierOrder, [], [], [], Today)).Code.ShouldBe("Settlement.NotAccepted");
        var fromLot = supplierOrder.Ship([new ShipmentLine(Mushrooms, "姬松茸", "斤", 30, lot.Id, "L-1")], null, null, Now);
        var withoutLot = supplierOrder.Ship([new ShipmentLine(Mushrooms, "姬松茸", "斤", 20, null, null)], null, null, Now);
        supplierOrder.Receive(new Dictionary<Guid, (int, int, string?)> { [Mushrooms] = (50, 0, null) }, Now);
        BenefitLink[] links = [Link(Supplier, H3, LinkKind.ProduceSupply, 3), Link(Supplier, H3, LinkKind.Employment, 1),
            Link(Supplier, H1, LinkKind.Dividend, 5, confirm: false), Link(Guid.NewGuid(), H2, LinkKind.Dividend, 5)];

        var request = SettlementRequest.For(supplierOrder, [fromLot, withoutLot], [lot], links, Today);
        request.LinkedHouseholds.ShouldBe([new LinkedHousehold(H3, 4)]);
        var line = request.Lines.ShouldHaveSingleItem();
        line.Accepted.Fen.ShouldBe(460_000);
        line.ShippedWithoutLot.ShouldBe(20);
        line.Lots.ShouldHaveSingleItem().Quantity.ShouldBe(30);

        // ¥4,600 × 30% = 138,000: 30/50 from the lot (H1 : H2 = 1 : 3) and 20/50 to the linked H3.
        Settlement.Split(request).HouseholdParts.Select(p => (p.HouseholdId, p.Amount.Fen)).OrderBy(p => p.Fen)
            .ShouldBe([(H1, 20_700), (H3, 55_200), (H2, 62_100)]);
        Should.Throw<DomainException>(() => SettlementRequest.For(supplierOrder, [fromLot], [], links, Today)).Code.ShouldBe("Settlement.LotMissing");
    }
}
