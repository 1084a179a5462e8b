namespace AidMarket.Web.Messaging.Contracts;

/// <summary>One supplier's part of a placed order, as <see cref="PurchaseOrderPlaced"/> carries it.</summary>
public record PlacedSupplierOrder(Guid SupplierOrderId, Guid SupplierId, long TotalFen);
