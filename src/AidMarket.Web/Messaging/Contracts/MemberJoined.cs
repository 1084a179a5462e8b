using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Messaging.Contracts;

public record MemberJoined(Guid OrganizationId, string UserId, string DisplayName, OrganizationRole Role, string InvitedByUserId);
