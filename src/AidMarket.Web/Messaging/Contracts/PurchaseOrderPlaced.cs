namespace AidMarket.Web.Messaging.Contracts;

/// <summary>
/// An order was placed, at submission (under the approval threshold) or on approval (<see cref="ApprovedByUserId"/> set): its
/// supplier orders are in one message, so the buyer and every supplier hear of it from one.
/// </summary>
public record PurchaseOrderPlaced(Guid OrderId, Guid BuyerOrganizationId, string Number, long TotalFen, string SubmittedByUserId, string? ApprovedByUserId,
    IReadOnlyList<PlacedSupplierOrder> Parts);
