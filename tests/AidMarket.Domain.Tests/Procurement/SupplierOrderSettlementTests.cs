using AidMarket.Domain.Common;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Tests.Payments;
using Shouldly;

namespace AidMarket.Domain.Tests.Procurement;

public class SupplierOrderSettlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_accepted_order_is_settled_once_and_a_second_settlement_is_refused()
    {
        var order = InvoiceTests.Accepted();
        order.SettledAt.ShouldBeNull();

        order.MarkSettled(Now);

        order.SettledAt.ShouldBe(Now);
        Should.Throw<DomainException>(() => order.MarkSettled(Now.AddMinutes(1))).Code.ShouldBe("SupplierOrder.AlreadySettled");
        order.SettledAt.ShouldBe(Now);
    }

    [Fact]
    public void An_order_not_yet_accepted_cannot_be_settled()
    {
        var order = InvoiceTests.Accepted();
        var placed = new PurchaseOrder(Guid.NewGuid(), "PO-20261122-000009", "p", new DeliveryDetails("", "", "海珠区", new DateOnly(2026, 11, 30), ""),
            [new OrderLine(Guid.NewGuid(), order.SupplierId, "姬松茸", "斤", 5, new Money(9200))], new Money(long.MaxValue), Now)
            .Place(new Dictionary<Guid, PlanAtPlacement> { [order.SupplierId] = new(Guid.NewGuid(), 30m) }, Now).Single();

        Should.Throw<DomainException>(() => placed.MarkSettled(Now)).Code.ShouldBe("SupplierOrder.NotAccepted");
        placed.Confirm(new Dictionary<Guid, string>(), Now);
        Should.Throw<DomainException>(() => placed.MarkSettled(Now)).Code.ShouldBe("SupplierOrder.NotAccepted");
        placed.SettledAt.ShouldBeNull();
    }
}
