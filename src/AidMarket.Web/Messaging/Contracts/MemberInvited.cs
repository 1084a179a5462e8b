using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Messaging.Contracts;

public record MemberInvited(Guid InvitationId, Guid OrganizationId, string OrganizationName, string Email,
    OrganizationRole Role, string AcceptUrl, string Culture) : ICarriesSecret
{
    public object WithoutSecret() => this with { AcceptUrl = "" };
}
