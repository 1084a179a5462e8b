namespace AidMarket.Web.Messaging.Contracts;

public record SupplierRegistered(Guid SupplierId, string CountyCode, string LegalName);
