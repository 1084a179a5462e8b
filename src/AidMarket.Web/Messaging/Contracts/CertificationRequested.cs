namespace AidMarket.Web.Messaging.Contracts;

public record CertificationRequested(Guid ProductId, string CountyCode, string ProductName, string LegalName);
