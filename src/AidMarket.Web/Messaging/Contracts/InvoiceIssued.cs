namespace AidMarket.Web.Messaging.Contracts;

/// <summary>An accepted supplier order became payable: the buyer's finance users are told to pay.</summary>
public record InvoiceIssued(Guid InvoiceId, Guid BuyerOrganizationId, Guid SupplierId, string Reference, string OrderNumber, long AmountFen);
