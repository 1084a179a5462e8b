namespace AidMarket.Web.Messaging.Contracts;

/// <summary>A submitted order above its buyer's approval threshold waits for an approver; once approved, PurchaseOrderPlaced follows.</summary>
public record PurchaseOrderSubmitted(Guid OrderId, Guid BuyerOrganizationId, string Number, long TotalFen, string SubmittedByUserId);
