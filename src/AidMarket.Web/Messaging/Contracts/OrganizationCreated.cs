using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Messaging.Contracts;

public record OrganizationCreated(Guid OrganizationId, OrganizationKind Kind, string Name, string CreatedByUserId);
