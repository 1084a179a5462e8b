namespace AidMarket.Web.Messaging.Contracts;

/// <summary>An invoice is paid in full: its supplier order is due for settlement.</summary>
public record InvoicePaid(Guid InvoiceId, Guid SupplierOrderId, Guid BuyerOrganizationId, string Reference);
