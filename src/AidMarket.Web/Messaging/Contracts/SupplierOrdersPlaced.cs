namespace AidMarket.Web.Messaging.Contracts;

/// <summary>An approved order was placed: one supplier order per supplier, in one message (each supplier is told of its own part).</summary>
public record SupplierOrdersPlaced(Guid OrderId, string OrderNumber, Guid BuyerOrganizationId, IReadOnlyList<PlacedSupplierOrder> Parts);
