using AidMarket.Domain.Common;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;
using Shouldly;

namespace AidMarket.Domain.Tests.Payments;

public class InvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Supplier = Guid.NewGuid(), Mushrooms = Guid.NewGuid();

    /// <summary>50 斤 at ¥92.00 ordered, 48 accepted: ¥4,416.00 payable.</summary>
    internal static SupplierOrder Accepted(int accepted = 48)
    {
        var order = new PurchaseOrder(Guid.NewGuid(), "PO-20261122-000007", "p", new DeliveryDetails("", "", "海珠区", new DateOnly(2026, 11, 30), ""),
            [new OrderLine(Mushrooms, Supplier, "姬松茸", "斤", 50, new Money(9200))], new Money(long.MaxValue), Now);
        var supplierOrder = order.Place(new Dictionary<Guid, PlanAtPlacement> { [Supplier] = new(Guid.NewGuid(), 30m) }, Now).Single();
        supplierOrder.Confirm(new Dictionary<Guid, string>(), Now);
        supplierOrder.Ship([new ShipmentLine(Mushrooms, "姬松茸", "斤", 50, null, null)], null, null, Now);
        supplierOrder.Receive(new Dictionary<Guid, (int, int, string?)> { [Mushrooms] = (accepted, 50 - accepted, accepted < 50 ? "破损" : null) }, Now);
        return supplierOrder;
    }

    [Fact]
    public void An_invoice_is_for_what_was_accepted_with_a_reference_from_the_sequence()
    {
        var order = Accepted();
        var invoice = Invoice.For(order, 1, Now);
        invoice.Amount.ShouldBe(new Money(441_600));
        invoice.Reference.ShouldBe("AM0000000169");
        invoice.SupplierOrderId.ShouldBe(order.Id);
        invoice.BuyerOrganizationId.ShouldBe(order.BuyerOrganizationId);
        invoice.OrderNumber.ShouldBe("PO-20261122-000007");
        invoice.Status.ShouldBe(InvoiceStatus.Open);
        invoice.Outstanding.ShouldBe(new Money(441_600));
    }

    [Fact]
    public void Only_an_accepted_order_with_something_payable_gets_an_invoice() =>
        Should.Throw<DomainException>(() => Invoice.For(Accepted(accepted: 0), 1, Now)).Code.ShouldBe("Invoice.NothingPayable");

    [Fact]
    public void Payments_move_it_through_partly_paid_paid_and_overpaid_and_refunds_bring_it_back()
    {
        var invoice = Invoice.For(Accepted(), 2, Now);
        invoice.ApplyPayment(new Money(400_000), PaymentMethod.BankTransfer, "SLIP-1", Now).ShouldBeTrue();
        invoice.Status.ShouldBe(InvoiceStatus.PartiallyPaid);
        invoice.Outstanding.ShouldBe(new Money(41_600));
        invoice.ApplyPayment(new Money(50_000), PaymentMethod.BankTransfer, "SLIP-2", Now).ShouldBeTrue();
        invoice.Status.ShouldBe(InvoiceStatus.Overpaid);
        invoice.Excess.ShouldBe(new Money(8_400));
        invoice.Outstanding.ShouldBe(Money.Zero);
        Should.Throw<DomainException>(() => invoice.ApplyPayment(new Money(1), PaymentMethod.Stripe, "pi_3", Now)).Code.ShouldBe("Invoice.AlreadyPaid");

        invoice.RecordRefund(new Money(8_400), "re_1", Now).ShouldBeTrue();
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        Should.Throw<DomainException>(() => invoice.RecordRefund(new Money(441_601), "re_2", Now)).Code.ShouldBe("Invoice.RefundExceedsPaid");
        invoice.RecordRefund(new Money(441_600), "re_2", Now).ShouldBeTrue();
        invoice.Status.ShouldBe(InvoiceStatus.Open);
    }

    [Fact]
    public void A_repeated_payment_or_refund_changes_nothing_and_a_conflicting_one_is_refused()
    {
        var invoice = Invoice.For(Accepted(), 3, Now);
        invoice.ApplyPayment(new Money(441_600), PaymentMethod.Stripe, "pi_1", Now).ShouldBeTrue();
        invoice.ApplyPayment(new Money(441_600), PaymentMethod.Stripe, " pi_1 ", Now).ShouldBeFalse();
        invoice.Payments.Count.ShouldBe(1);
        Should.Throw<DomainException>(() => invoice.ApplyPayment(new Money(1), PaymentMethod.Stripe, "pi_1", Now)).Code.ShouldBe("Invoice.PaymentConflict");
        invoice.RecordRefund(new Money(100), "re_1", Now).ShouldBeTrue();
        invoice.RecordRefund(new Money(100), "re_1", Now).ShouldBeFalse();
        Should.Throw<DomainException>(() => invoice.RecordRefund(new Money(200), "re_1", Now)).Code.ShouldBe("Invoice.RefundConflict");
        invoice.Paid.ShouldBe(new Money(441_500));
        Should.Throw<DomainException>(() => invoice.ApplyPayment(Money.Zero, PaymentMethod.Stripe, "pi_2", Now)).Code.ShouldBe("Invoice.PaymentAmount");
        Should.Throw<DomainException>(() => invoice.ApplyPayment(new Money(5), PaymentMethod.Stripe, " ", Now)).Code.ShouldBe("Invoice.ExternalIdRequired");
        Should.Throw<DomainException>(() => invoice.RecordRefund(Money.Zero, "re_9", Now)).Code.ShouldBe("Invoice.RefundAmount");
    }

    [Fact]
    public void A_refund_after_settlement_is_a_credit_note_that_never_reopens_the_invoice()
    {
        var invoice = Invoice.For(Accepted(), 4, Now);
        invoice.ApplyPayment(new Money(441_600), PaymentMethod.Stripe, "pi_1", Now);
        invoice.RecordRefund(new Money(41_600), "re_1", Now, creditNote: true).ShouldBeTrue();
        (invoice.Paid, invoice.Credited, invoice.Due, invoice.Outstanding).ShouldBe((new Money(400_000), new Money(41_600), new Money(400_000), Money.Zero));
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        invoice.RecordRefund(new Money(400_000), "re_2", Now, creditNote: true).ShouldBeTrue();
        invoice.Status.ShouldBe(InvoiceStatus.Refunded);
        invoice.Outstanding.ShouldBe(Money.Zero);
        invoice.HasRefund(" re_2", new Money(400_000)).ShouldBeTrue();
        invoice.HasRefund("re_3", new Money(400_000)).ShouldBeFalse();
        Should.Throw<DomainException>(() => invoice.HasRefund("re_2", new Money(1))).Code.ShouldBe("Invoice.RefundConflict");
    }

    [Fact]
    public void A_declined_online_payment_shows_until_the_invoice_is_paid()
    {
        var invoice = Invoice.For(Accepted(), 5, Now);
        invoice.RecordPaymentFailure("pi_1", " Your card was declined. ", Now).ShouldBeTrue();
        invoice.RecordPaymentFailure("pi_1", "Your card was declined.", Now).ShouldBeFalse();
        invoice.OpenFailure!.Message.ShouldBe("Your card was declined.");
        invoice.ApplyPayment(new Money(441_600), PaymentMethod.Stripe, "pi_2", Now.AddMinutes(1));
        invoice.OpenFailure.ShouldBeNull();
    }
}
