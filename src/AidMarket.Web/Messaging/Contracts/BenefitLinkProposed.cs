namespace AidMarket.Web.Messaging.Contracts;

public record BenefitLinkProposed(Guid LinkId, Guid SupplierId, string CountyCode, string LegalName);
