namespace AidMarket.Web.Messaging.Contracts;

public record BenefitLinkReviewed(Guid LinkId, Guid OrganizationId, bool Confirmed, string? Reason);
