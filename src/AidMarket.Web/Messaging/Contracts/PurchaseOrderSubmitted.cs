namespace AidMarket.Web.Messaging.Contracts;

/// <summary>A submitted order; when it was placed at once (under the approval threshold), <see cref="Placed"/> lists its supplier
/// orders, so one message tells the buyer and every supplier.</summary>
public record PurchaseOrderSubmitted(Guid OrderId, Guid BuyerOrganizationId, string Number, long TotalFen, bool NeedsApproval, string SubmittedByUserId,
    IReadOnlyList<PlacedSupplierOrder>? Placed = null);
