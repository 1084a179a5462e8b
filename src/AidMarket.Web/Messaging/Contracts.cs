using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Messaging.Contracts;

public record OrganizationCreated(Guid OrganizationId, OrganizationKind Kind, string Name, string CreatedByUserId);

public record MemberInvited(Guid InvitationId, Guid OrganizationId, string OrganizationName, string Email,
    OrganizationRole Role, string AcceptUrl, string Culture);

public record MemberJoined(Guid OrganizationId, string UserId, string DisplayName, OrganizationRole Role, string InvitedByUserId);
