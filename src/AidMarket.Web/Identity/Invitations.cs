using System.Globalization;
using AidMarket.Domain.Organizations;
using AidMarket.Web.Hosting;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Identity;

/// <summary>Members of an organization and its invitations, as shown to whoever may invite into it.</summary>
public sealed record MembersView(Organization Organization, IReadOnlyList<MembersView.Member> Members,
    IReadOnlyList<Invitation> Invitations, string? NewInvitationLink)
{
    public sealed record Member(string Id, string DisplayName, string Email, OrganizationRole? Role, bool LockedOut);

    public static async Task<MembersView> LoadAsync(AidMarketDbContext db, Organization org, string? newLink, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var members = await db.Users.Where(u => u.OrganizationId == org.Id).OrderBy(u => u.Email)
            .Select(u => new Member(u.Id, u.DisplayName, u.Email!, u.Role, u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(ct);
        var invitations = await db.Invitations.Where(i => i.OrganizationId == org.Id && i.Status == InvitationStatus.Pending)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        return new MembersView(org, members, invitations, newLink);
    }
}

public static class Invitations
{
    /// <summary>Creates the invitation and its MemberInvited event in one save; returns the link to hand over.</summary>
    public static async Task<string> InviteAsync(AidMarketDbContext db, Organization org, string email, OrganizationRole role,
        string inviterUserId, PublicUrls urls, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized.ToUpperInvariant() && u.OrganizationId == org.Id, ct))
            throw new DomainException("Invitation.AlreadyMember", "This person is already a member.");
        if (await db.Invitations.AnyAsync(i => i.OrganizationId == org.Id && i.Email == normalized && i.Status == InvitationStatus.Pending, ct))
            throw new DomainException("Invitation.AlreadyInvited", "This person already has a pending invitation.");

        var token = InvitationTokens.NewToken();
        var invitation = new Invitation(org, normalized, role, InvitationTokens.Hash(token), inviterUserId, DateTimeOffset.UtcNow);
        db.Invitations.Add(invitation);
        var link = urls.To($"/Identity/Account/AcceptInvitation?token={token}");
        db.Publish(new MemberInvited(invitation.Id, org.Id, org.Name, normalized, role, link, CultureInfo.CurrentUICulture.Name));
        await db.SaveChangesAsync(ct);
        return link;
    }
}
