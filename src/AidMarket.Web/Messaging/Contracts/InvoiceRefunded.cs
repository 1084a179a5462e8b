namespace AidMarket.Web.Messaging.Contracts;

/// <summary>Money went back to the buyer against an invoice (a Stripe refund or a recorded bank refund).</summary>
public record InvoiceRefunded(Guid InvoiceId, Guid SupplierOrderId, Guid BuyerOrganizationId, string Reference, long AmountFen, bool AfterSettlement);
