using AidMarket.Domain.Common;

namespace AidMarket.Domain.Organizations;

public enum InvitationStatus { Pending, Accepted, Revoked }

/// <summary>An invitation to join one organization with one role; the token is stored hashed.</summary>
public class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private Invitation() { Email = TokenHash = ""; }

    public Invitation(Organization organization, string email, OrganizationRole role, string tokenHash, string invitedByUserId, DateTimeOffset now)
    {
        organization.EnsureRoleAllowed(role);
        Id = Guid.CreateVersion7();
        OrganizationId = organization.Id;
        Email = email.Trim().ToLowerInvariant();
        Role = role;
        TokenHash = tokenHash;
        InvitedByUserId = invitedByUserId;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Email { get; private set; }
    public OrganizationRole Role { get; private set; }
    public string TokenHash { get; private set; }
    public string InvitedByUserId { get; private set; } = "";
    public InvitationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    public bool IsOpen(DateTimeOffset now) => Status == InvitationStatus.Pending && now < ExpiresAt;

    public void Accept(DateTimeOffset now)
    {
        if (!IsOpen(now))
            throw new DomainException("Invitation.NotOpen", "This invitation has expired, was revoked or was already used.");
        Status = InvitationStatus.Accepted;
        AcceptedAt = now;
    }

    public void Revoke()
    {
        if (Status != InvitationStatus.Pending)
            throw new DomainException("Invitation.NotPending", "Only a pending invitation can be revoked.");
        Status = InvitationStatus.Revoked;
    }
}
