namespace AidMarket.Web.Messaging.Contracts;

/// <summary>A supplier order was settled: the household share is credited.</summary>
public record SupplierOrderSettled(Guid SupplierOrderId, Guid SupplierId, long TotalFen, long HouseholdFen, int Households);
