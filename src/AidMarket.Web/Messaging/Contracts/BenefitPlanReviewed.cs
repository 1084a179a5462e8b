namespace AidMarket.Web.Messaging.Contracts;

public record BenefitPlanReviewed(Guid SupplierId, Guid OrganizationId, Guid PlanId, bool Approved, string? Reason);
