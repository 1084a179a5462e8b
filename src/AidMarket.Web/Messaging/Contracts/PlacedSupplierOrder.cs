namespace AidMarket.Web.Messaging.Contracts;

public record PlacedSupplierOrder(Guid SupplierOrderId, Guid SupplierId, long TotalFen);
