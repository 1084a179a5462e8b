using AidMarket.Domain.Payments;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using Invoice = AidMarket.Domain.Payments.Invoice;

namespace AidMarket.Web.Payments;

/// <summary>
/// Calls to Stripe's API, each with a deterministic idempotency key, so a retried click or request never makes a second
/// session or refund: a Checkout Session per invoice and outstanding amount, a refund per AidMarket refund id.
/// </summary>
public sealed class StripeCheckout(IServiceProvider services, IOptions<StripeOptions> options)
{
    // Resolved on first use: without keys there is no client to make (Stripe.net refuses an empty key).
    private IStripeClient Client => services.GetRequiredService<IStripeClient>();

    public const string InvoiceKey = "invoice_id";
    public const string ReferenceKey = "reference";
    public const string RefundKey = "refund_id";

    public bool IsEnabled => options.Value.IsEnabled;

    public static string CheckoutKey(Invoice invoice) => $"checkout:{invoice.Id:D}:{invoice.Outstanding.Fen}";
    public static string RefundIdempotencyKey(Guid refundId) => $"refund:{refundId:D}";

    /// <summary>A hosted Checkout page for what is outstanding, in fen of CNY; Stripe sends the buyer back to <paramref name="invoiceUrl"/>.</summary>
    public async Task<Session> CreateSessionAsync(Invoice invoice, string invoiceUrl, CancellationToken ct)
    {
        if (invoice.Outstanding <= Money.Zero) throw new DomainException("Invoice.AlreadyPaid", "This invoice is already paid.", invoice.Reference);
        var metadata = new Dictionary<string, string> { [InvoiceKey] = invoice.Id.ToString("D"), [ReferenceKey] = invoice.Reference };
        var types = options.Value.MethodTypes.ToList();
        var session = new SessionCreateOptions
        {
            Mode = "payment",
            AllowedPaymentMethodTypes = types,
            ClientReferenceId = invoice.Id.ToString("D"),
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "cny",
                        UnitAmount = invoice.Outstanding.Fen,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"AidMarket {invoice.Reference} ({invoice.OrderNumber})" },
                    },
                },
            ],
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            SuccessUrl = invoiceUrl + "?stripe=success",
            CancelUrl = invoiceUrl + "?stripe=cancelled",
        };
        if (types.Contains("wechat_pay"))
            session.PaymentMethodOptions = new SessionPaymentMethodOptionsOptions { WechatPay = new SessionPaymentMethodOptionsWechatPayOptions { Client = "web" } };
        return await new SessionService(Client).CreateAsync(session, new RequestOptions { IdempotencyKey = CheckoutKey(invoice) }, ct);
    }

    /// <summary>Asks Stripe to refund part or all of a payment intent; the answer says whether it has already succeeded.</summary>
    public Task<Refund> RefundAsync(Invoice invoice, string paymentIntentId, Guid refundId, Money amount, CancellationToken ct) =>
        new RefundService(Client).CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = paymentIntentId,
            Amount = amount.Fen,
            Metadata = new Dictionary<string, string> { [InvoiceKey] = invoice.Id.ToString("D"), [ReferenceKey] = invoice.Reference, [RefundKey] = refundId.ToString("D") },
        }, new RequestOptions { IdempotencyKey = RefundIdempotencyKey(refundId) }, ct);
}
