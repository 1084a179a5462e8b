namespace AidMarket.Web.Messaging.Contracts;

public record StandingAgreementChanged(Guid AgreementId, Guid BuyerOrganizationId, Guid SupplierId, string Change);
