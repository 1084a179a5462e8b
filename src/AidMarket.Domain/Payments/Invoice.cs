using AidMarket.Domain.Common;
using AidMarket.Domain.Procurement;

namespace AidMarket.Domain.Payments;

public enum PaymentMethod { Stripe, BankTransfer }

public enum InvoiceStatus { Open, PartiallyPaid, Paid, Overpaid, Refunded }

/// <summary>Money received against an invoice: a Stripe payment intent or a bank slip.</summary>
public sealed record InvoicePayment(Money Amount, PaymentMethod Method, string ExternalId, DateTimeOffset ReceivedAt);

/// <summary>Money sent back to the buyer against an invoice.</summary>
/// <param name="CreditNote">A refund after settlement: it also lowers what the invoice asks for (decision note 013).</param>
public sealed record InvoiceRefund(Money Amount, string ExternalId, DateTimeOffset RefundedAt, bool CreditNote = false);

/// <summary>An online payment attempt the payment provider declined, shown to the buyer.</summary>
public sealed record PaymentFailure(string ExternalId, string? Message, DateTimeOffset FailedAt);

/// <summary>
/// 付款通知书: what the buyer owes for one accepted supplier order, with the reference to quote on a bank transfer.
/// Payments and refunds are recorded once per external id, so a repeated webhook or confirmation changes nothing.
/// </summary>
public class Invoice
{
    private List<InvoicePayment> _payments = [];
    private List<InvoiceRefund> _refunds = [];
    private List<PaymentFailure> _failures = [];

    private Invoice() { OrderNumber = Reference = ""; }

    /// <summary>For the accepted amount of the order; <paramref name="sequence"/> comes from a database sequence and gives the reference.</summary>
    public static Invoice For(SupplierOrder order, long sequence, DateTimeOffset now)
    {
        if (order.Status != SupplierOrderStatus.Accepted)
            throw new DomainException("Invoice.OrderNotAccepted", "An invoice is made once the buyer has accepted the order.");
        if (order.Payable <= Money.Zero)
            throw new DomainException("Invoice.NothingPayable", "Nothing of this order was accepted, so nothing is to be paid.");
        return new Invoice
        {
            Id = Guid.CreateVersion7(),
            BuyerOrganizationId = order.BuyerOrganizationId,
            SupplierId = order.SupplierId,
            SupplierOrderId = order.Id,
            OrderNumber = order.OrderNumber,
            Reference = PaymentReference.FromSequence(sequence).Value,
            Amount = order.Payable,
            IssuedAt = now,
        };
    }

    public Guid Id { get; private set; }
    public Guid BuyerOrganizationId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid SupplierOrderId { get; private set; }
    public string OrderNumber { get; private set; }
    /// <summary>The <see cref="PaymentReference"/> text, e.g. "AM0000001218".</summary>
    public string Reference { get; private set; }
    public Money Amount { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public IReadOnlyList<InvoicePayment> Payments => _payments;
    public IReadOnlyList<InvoiceRefund> Refunds => _refunds;
    public IReadOnlyList<PaymentFailure> PaymentFailures => _failures;

    /// <summary>Received less refunded; kept as a column so finance and settlement can query it.</summary>
    public Money Paid { get; private set; }
    /// <summary>Refunded after settlement (credit notes): no longer asked of the buyer.</summary>
    public Money Credited { get; private set; }
    /// <summary>What the buyer owes in all: the amount less credit notes.</summary>
    public Money Due => Amount - Credited;
    public Money Outstanding => Due > Paid ? Due - Paid : Money.Zero;
    /// <summary>Paid beyond what is due: to be refunded or otherwise handled by finance.</summary>
    public Money Excess => Paid > Due ? Paid - Due : Money.Zero;

    public InvoiceStatus Status =>
        Due == Money.Zero && Paid == Money.Zero ? InvoiceStatus.Refunded
        : Paid == Money.Zero ? InvoiceStatus.Open
        : Paid < Due ? InvoiceStatus.PartiallyPaid
        : Paid == Due ? InvoiceStatus.Paid
        : InvoiceStatus.Overpaid;

    /// <summary>The last declined online payment, while the invoice is still to be paid (older ones no longer matter).</summary>
    public PaymentFailure? OpenFailure =>
        Outstanding > Money.Zero && _failures.Count > 0 && _failures[^1].FailedAt >= _payments.Select(p => p.ReceivedAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max()
            ? _failures[^1] : null;

    /// <summary>Records money received. False when this external id was already recorded with the same amount (a retry).</summary>
    public bool ApplyPayment(Money amount, PaymentMethod method, string externalId, DateTimeOffset now)
    {
        var id = RequireExternalId(externalId);
        if (amount <= Money.Zero) throw new DomainException("Invoice.PaymentAmount", "A payment is an amount greater than zero.");
        if (_payments.SingleOrDefault(p => p.ExternalId == id) is { } earlier)
            return earlier.Amount == amount && earlier.Method == method
                ? false
                : throw new DomainException("Invoice.PaymentConflict", "This payment was already recorded with another amount or method.", id);
        if (Outstanding == Money.Zero)
            throw new DomainException("Invoice.AlreadyPaid", "This invoice is already paid.", Reference);
        _payments.Add(new InvoicePayment(amount, method, id, now));
        Paid += amount;
        return true;
    }

    /// <summary>
    /// Records money sent back; it reduces what is paid, and as a <paramref name="creditNote"/> (after settlement) what is due
    /// too, so the invoice does not ask to be paid again. False when this refund was already recorded (a retry).
    /// </summary>
    public bool RecordRefund(Money amount, string externalId, DateTimeOffset now, bool creditNote = false)
    {
        var id = RequireExternalId(externalId);
        if (amount <= Money.Zero) throw new DomainException("Invoice.RefundAmount", "A refund is an amount greater than zero.");
        if (_refunds.SingleOrDefault(r => r.ExternalId == id) is { } earlier)
            return earlier.Amount == amount
                ? false
                : throw new DomainException("Invoice.RefundConflict", "This refund was already recorded with another amount.", id);
        if (amount > Paid)
            throw new DomainException("Invoice.RefundExceedsPaid", $"At most {Paid} can be refunded.", Paid);
        _refunds.Add(new InvoiceRefund(amount, id, now, creditNote));
        Paid -= amount;
        if (creditNote) Credited += amount;
        return true;
    }

    /// <summary>
    /// Whether this refund is recorded already (a retry, or the later of Stripe's answer and its webhook). The same refund id or
    /// bank slip with another amount is refused: it is a mistake, not a retry, and must not be answered as recorded.
    /// </summary>
    public bool HasRefund(string externalId, Money amount) =>
        _refunds.SingleOrDefault(r => r.ExternalId == externalId.Trim()) is { } earlier
        && (earlier.Amount == amount
            ? true : throw new DomainException("Invoice.RefundConflict", "This refund was already recorded with another amount.", earlier.ExternalId));

    /// <summary>Records a declined online payment once per attempt, so the buyer sees why and can try again.</summary>
    public bool RecordPaymentFailure(string externalId, string? message, DateTimeOffset at)
    {
        var id = RequireExternalId(externalId);
        if (_failures.Any(f => f.ExternalId == id && f.FailedAt == at)) return false;
        var text = message?.Trim();
        _failures.Add(new PaymentFailure(id, string.IsNullOrEmpty(text) ? null : text[..Math.Min(300, text.Length)], at));
        return true;
    }

    private static string RequireExternalId(string externalId) =>
        string.IsNullOrWhiteSpace(externalId)
            ? throw new DomainException("Invoice.ExternalIdRequired", "A payment or refund needs its Stripe id or bank slip number.")
            : externalId.Trim();
}
