using AidMarket.Domain.Common;
using AidMarket.Domain.Procurement;
using Shouldly;

namespace AidMarket.Domain.Tests.Procurement;

public class PurchaseOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid SupplierA = Guid.NewGuid(), SupplierB = Guid.NewGuid();
    private static readonly DeliveryDetails Delivery = new("HZ-2026-118", "食堂-01", "广州市海珠区某路1号", new DateOnly(2026, 11, 29), "");

    private static PurchaseOrder Order(long threshold, params OrderLine[] lines) =>
        new(Guid.NewGuid(), "PO-20261122-000001", "purchaser", Delivery, lines.Length > 0 ? lines :
        [
            new OrderLine(Guid.NewGuid(), SupplierA, "姬松茸", "斤", 50, new Money(9200)),
            new OrderLine(Guid.NewGuid(), SupplierA, "八渡笋干", "kg", 20, new Money(5600)),
            new OrderLine(Guid.NewGuid(), SupplierB, "瓮安红茶", "斤", 5, new Money(18000)),
        ], new Money(threshold), Now);

    private static readonly Dictionary<Guid, PlanAtPlacement> Plans = new()
    {
        [SupplierA] = new PlanAtPlacement(Guid.NewGuid(), 12m), [SupplierB] = new PlanAtPlacement(Guid.NewGuid(), 15m),
    };

    [Fact]
    public void The_total_is_exact_and_decides_whether_approval_is_needed()
    {
        var order = Order(threshold: 700_000);
        order.Total.Fen.ShouldBe(50 * 9200 + 20 * 5600 + 5 * 18000);
        order.Total.ToString().ShouldBe("¥6,620.00");
        order.Status.ShouldBe(OrderStatus.Approved);
        Order(threshold: 661_999).Status.ShouldBe(OrderStatus.AwaitingApproval);
        Order(threshold: 662_000).Status.ShouldBe(OrderStatus.Approved); // at the threshold: no approval
    }

    [Fact]
    public void The_submitter_cannot_approve_or_reject_their_own_order()
    {
        var order = Order(threshold: 0);
        Should.Throw<DomainException>(() => order.Approve("purchaser", Now)).Code.ShouldBe("Order.OwnApproval");
        Should.Throw<DomainException>(() => order.Reject("purchaser", "no", Now)).Code.ShouldBe("Order.OwnApproval");
        Should.Throw<DomainException>(() => order.Reject("approver", " ", Now)).Code.ShouldBe("Review.ReasonRequired");
        order.Status.ShouldBe(OrderStatus.AwaitingApproval);
        order.Approve("approver", Now);
        order.ApprovedByUserId.ShouldBe("approver");
        Should.Throw<DomainException>(() => order.Approve("approver", Now)).Code.ShouldBe("Order.NotAwaitingApproval");
    }

    [Fact]
    public void Placing_splits_per_supplier_with_frozen_prices_and_plans()
    {
        var order = Order(threshold: 0);
        Should.Throw<DomainException>(() => order.Place(Plans, Now)).Code.ShouldBe("Order.NotApproved");
        order.Approve("approver", Now);
        var parts = order.Place(Plans, Now);
        order.Status.ShouldBe(OrderStatus.Placed);
        parts.Count.ShouldBe(2);
        var a = parts.Single(p => p.SupplierId == SupplierA);
        a.Lines.Count.ShouldBe(2);
        a.Total.Fen.ShouldBe(50 * 9200 + 20 * 5600);
        a.HouseholdSharePercent.ShouldBe(12m);
        parts.Sum(p => p.Total.Fen).ShouldBe(order.Total.Fen);
        parts.ShouldAllBe(p => p.OrderNumber == order.Number && p.Status == SupplierOrderStatus.Placed);
    }

    [Fact]
    public void Cancelling_closes_the_order_and_its_supplier_orders()
    {
        var order = Order(threshold: 10_000_000);
        var parts = order.Place(Plans, Now);
        order.Cancel(parts, Now);
        order.Status.ShouldBe(OrderStatus.Cancelled);
        parts.ShouldAllBe(p => p.Status == SupplierOrderStatus.Cancelled);
        Should.Throw<DomainException>(() => order.Cancel(parts, Now)).Code.ShouldBe("Order.AlreadyClosed");
    }

    [Fact]
    public void An_order_needs_lines_an_address_and_a_date_not_in_the_past()
    {
        Should.Throw<DomainException>(() => new PurchaseOrder(Guid.NewGuid(), "PO", "u", Delivery, [], new Money(0), Now)).Code.ShouldBe("Order.Empty");
        Should.Throw<DomainException>(() => new PurchaseOrder(Guid.NewGuid(), "PO", "u", Delivery with { Address = " " },
            [new OrderLine(Guid.NewGuid(), SupplierA, "x", "kg", 1, new Money(100))], new Money(0), Now)).Code.ShouldBe("Order.AddressRequired");
        Should.Throw<DomainException>(() => new PurchaseOrder(Guid.NewGuid(), "PO", "u", Delivery with { RequestedOn = new DateOnly(2026, 11, 21) },
            [new OrderLine(Guid.NewGuid(), SupplierA, "x", "kg", 1, new Money(100))], new Money(0), Now)).Code.ShouldBe("Order.DateInPast");
        var product = Guid.NewGuid();
        Should.Throw<DomainException>(() => Order(0, new OrderLine(product, SupplierA, "x", "kg", 1, new Money(100)), new OrderLine(product, SupplierA, "x", "kg", 2, new Money(100))))
            .Code.ShouldBe("Order.ProductTwice");
    }
}
