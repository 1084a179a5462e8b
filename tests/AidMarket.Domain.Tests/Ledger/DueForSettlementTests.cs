using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Tests.Payments;
using Shouldly;

namespace AidMarket.Domain.Tests.Ledger;

public class DueForSettlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_accepted_order_is_due_once_its_invoice_is_paid_in_full_and_until_it_is_settled()
    {
        var order = InvoiceTests.Accepted();
        DueForSettlement.Holds(order, null).ShouldBeFalse();
        var invoice = Invoice.For(order, 1, Now);
        DueForSettlement.Holds(order, invoice).ShouldBeFalse();

        invoice.ApplyPayment(invoice.Amount - new Money(1), PaymentMethod.BankTransfer, "B-1", Now);
        DueForSettlement.Holds(order, invoice).ShouldBeFalse();
        invoice.ApplyPayment(new Money(1), PaymentMethod.BankTransfer, "B-2", Now);
        DueForSettlement.Holds(order, invoice).ShouldBeTrue();

        order.MarkSettled(Now);
        DueForSettlement.Holds(order, invoice).ShouldBeFalse();
    }

    [Fact]
    public void An_overpaid_invoice_makes_its_order_due_and_another_orders_invoice_is_refused()
    {
        var order = InvoiceTests.Accepted();
        var invoice = Invoice.For(order, 1, Now);
        invoice.ApplyPayment(invoice.Amount + new Money(100), PaymentMethod.BankTransfer, "B-1", Now);
        DueForSettlement.Holds(order, invoice).ShouldBeTrue();

        Should.Throw<ArgumentException>(() => DueForSettlement.Holds(InvoiceTests.Accepted(), invoice));
    }
}
