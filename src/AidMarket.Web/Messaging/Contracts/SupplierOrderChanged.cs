namespace AidMarket.Web.Messaging.Contracts;

/// <summary>Confirmed (some lines may be declined), Declined, Shipped or Accepted.</summary>
public record SupplierOrderChanged(Guid SupplierOrderId, Guid OrderId, string OrderNumber, Guid SupplierId, Guid BuyerOrganizationId, string Change);
