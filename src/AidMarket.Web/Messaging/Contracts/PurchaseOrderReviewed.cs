namespace AidMarket.Web.Messaging.Contracts;

public record PurchaseOrderReviewed(Guid OrderId, Guid BuyerOrganizationId, string Number, bool Approved, string? Reason, string SubmittedByUserId);
