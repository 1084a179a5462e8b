using AidMarket.Domain.Common;
using AidMarket.Domain.Procurement;
using Shouldly;

namespace AidMarket.Domain.Tests.Procurement;

public class FulfilmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Supplier = Guid.NewGuid(), Mushrooms = Guid.NewGuid(), Shoots = Guid.NewGuid();

    private static SupplierOrder Placed()
    {
        var order = new PurchaseOrder(Guid.NewGuid(), "PO-20261122-000007", "p", new DeliveryDetails("", "", "海珠区", new DateOnly(2026, 11, 30), ""),
            [new OrderLine(Mushrooms, Supplier, "姬松茸", "斤", 50, new Money(9200)), new OrderLine(Shoots, Supplier, "笋干", "kg", 20, new Money(5600))], new Money(long.MaxValue), Now);
        return order.Place(new Dictionary<Guid, PlanAtPlacement> { [Supplier] = new(Guid.NewGuid(), 12m) }, Now).Single();
    }

    private static ShipmentLine Line(Guid product, int quantity) => new(product, "x", "斤", quantity, null, null);

    [Fact]
    public void Declining_a_line_needs_a_reason_and_returns_it_for_its_stock()
    {
        var order = Placed();
        Should.Throw<DomainException>(() => order.Confirm(new Dictionary<Guid, string> { [Shoots] = " " }, Now)).Code.ShouldBe("Review.ReasonRequired");
        var declined = order.Confirm(new Dictionary<Guid, string> { [Shoots] = "笋干断货" }, Now);
        declined.ShouldHaveSingleItem().ProductId.ShouldBe(Shoots);
        order.Status.ShouldBe(SupplierOrderStatus.Confirmed);
        order.Lines.Single(l => l.ProductId == Shoots).LeftToShip.ShouldBe(0);
        Should.Throw<DomainException>(() => order.Confirm(new Dictionary<Guid, string>(), Now)).Code.ShouldBe("SupplierOrder.NotPlaced");
    }

    [Fact]
    public void Declining_every_line_declines_the_order()
    {
        var order = Placed();
        order.Confirm(new Dictionary<Guid, string> { [Shoots] = "断货", [Mushrooms] = "断货" }, Now);
        order.Status.ShouldBe(SupplierOrderStatus.Declined);
        Should.Throw<DomainException>(() => order.Ship([Line(Mushrooms, 1)], null, null, Now)).Code.ShouldBe("SupplierOrder.NotShippable");
    }

    [Fact]
    public void Partial_shipments_add_up_to_what_was_confirmed_and_no_more()
    {
        var order = Placed();
        Should.Throw<DomainException>(() => order.Ship([Line(Mushrooms, 1)], null, null, Now)).Code.ShouldBe("SupplierOrder.NotShippable");
        order.Confirm(new Dictionary<Guid, string>(), Now);
        var first = order.Ship([Line(Mushrooms, 30)], "顺丰", "SF123", Now);
        first.Number.ShouldStartWith("DN-20261122-000007-");
        order.Status.ShouldBe(SupplierOrderStatus.PartiallyShipped);
        order.CanCancel.ShouldBeFalse();
        Should.Throw<DomainException>(() => order.Ship([Line(Mushrooms, 21)], null, null, Now)).Code.ShouldBe("Shipment.Quantity");
        order.Ship([Line(Mushrooms, 20), Line(Shoots, 20)], null, null, Now);
        order.Status.ShouldBe(SupplierOrderStatus.Shipped);
        order.ShipmentCount.ShouldBe(2);
    }

    [Fact]
    public void Each_supplier_of_one_purchase_order_numbers_its_delivery_notes_apart()
    {
        // Suppliers registered close together have ids (version 7) that begin alike: the number must not rest on them.
        Guid first = Guid.CreateVersion7(), second = Guid.CreateVersion7();
        var order = new PurchaseOrder(Guid.NewGuid(), "PO-20261122-000008", "p", new DeliveryDetails("", "", "海珠区", new DateOnly(2026, 11, 30), ""),
            [new OrderLine(Mushrooms, first, "姬松茸", "斤", 50, new Money(9200)), new OrderLine(Shoots, second, "笋干", "kg", 20, new Money(5600))], new Money(long.MaxValue), Now);
        var parts = order.Place(new Dictionary<Guid, PlanAtPlacement> { [first] = new(Guid.NewGuid(), 12m), [second] = new(Guid.NewGuid(), 10m) }, Now);
        foreach (var part in parts) part.Confirm(new Dictionary<Guid, string>(), Now);

        var notes = parts.Select((part, i) => part.Ship([Line(part.Lines[0].ProductId, 1)], null, null, Now, i + 1)).ToList();
        notes.Add(parts[1].Ship([Line(Shoots, 1)], null, null, Now, 2));

        notes.Select(n => n.Number).ShouldBe(["DN-20261122-000008-A-1", "DN-20261122-000008-B-1", "DN-20261122-000008-B-2"]);
    }

    [Fact]
    public void The_rest_of_a_partly_shipped_order_can_be_closed_and_its_quantities_given_back()
    {
        var order = Placed();
        order.Confirm(new Dictionary<Guid, string>(), Now);
        Should.Throw<DomainException>(() => order.CloseRest("x", Now)).Code.ShouldBe("SupplierOrder.NotPartlyShipped");
        order.Ship([Line(Mushrooms, 30)], null, null, Now);
        Should.Throw<DomainException>(() => order.CloseRest(" ", Now)).Code.ShouldBe("Review.ReasonRequired");
        var released = order.CloseRest("产季结束", Now);
        released.ShouldBe([(Mushrooms, 20), (Shoots, 20)], ignoreOrder: true);
        order.Status.ShouldBe(SupplierOrderStatus.Shipped);
        order.Lines.ShouldAllBe(l => l.LeftToShip == 0);
        order.Receive(new Dictionary<Guid, (int, int, string?)> { [Mushrooms] = (30, 0, null) }, Now);
        order.Status.ShouldBe(SupplierOrderStatus.Accepted);
        order.Payable.Fen.ShouldBe(30 * 9200);
    }

    [Fact]
    public void Acceptance_sets_what_is_payable_and_rejection_needs_a_reason()
    {
        var order = Placed();
        order.Confirm(new Dictionary<Guid, string>(), Now);
        order.Ship([Line(Mushrooms, 50), Line(Shoots, 20)], null, null, Now);
        Should.Throw<DomainException>(() => order.Receive(new Dictionary<Guid, (int, int, string?)> { [Mushrooms] = (48, 2, null) }, Now))
            .Code.ShouldBe("Acceptance.ReasonRequired");
        Should.Throw<DomainException>(() => order.Receive(new Dictionary<Guid, (int, int, string?)> { [Mushrooms] = (51, 0, null) }, Now))
            .Code.ShouldBe("Acceptance.Quantity");

        order.Receive(new Dictionary<Guid, (int, int, string?)> { [Mushrooms] = (48, 2, "短斤少两") }, Now);
        order.Status.ShouldBe(SupplierOrderStatus.Shipped); // the shoots still await acceptance
        order.Payable.Fen.ShouldBe(48 * 9200);
        order.Receive(new Dictionary<Guid, (int, int, string?)> { [Shoots] = (20, 0, null) }, Now);
        order.Status.ShouldBe(SupplierOrderStatus.Accepted);
        order.Payable.Fen.ShouldBe(48 * 9200 + 20 * 5600);
        order.Lines.Single(l => l.ProductId == Mushrooms).RejectReason.ShouldBe("短斤少两");
    }
}
