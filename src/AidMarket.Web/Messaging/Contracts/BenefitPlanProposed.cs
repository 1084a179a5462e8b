namespace AidMarket.Web.Messaging.Contracts;

public record BenefitPlanProposed(Guid SupplierId, Guid PlanId, string CountyCode, string LegalName, decimal HouseholdSharePercent);
