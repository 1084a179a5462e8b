using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Organizations;
using AidMarket.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrganizationEntity = AidMarket.Domain.Organizations.Organization;

namespace AidMarket.Web.Pages.Shared;

/// <summary>Members and invitations of one organization; subclasses decide which organization the user may manage.</summary>
public abstract class MembersPageModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, PublicUrls urls)
    : PageModel
{
    protected AidMarketDbContext Db => db;
    protected CurrentUser Me => me;

    [BindProperty] public string? InviteEmail { get; set; }
    [BindProperty] public OrganizationRole InviteRole { get; set; }
    public MembersView View { get; private set; } = null!;

    /// <summary>The organization this page manages, or null when the user may not see it (answered with 404).</summary>
    protected abstract Task<OrganizationEntity?> FindOrganizationAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindOrganizationAsync(ct) is not { } org) return NotFound();
        View = await MembersView.LoadAsync(db, org, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (await FindOrganizationAsync(ct) is not { } org) return NotFound();
        string? link = null;
        if (string.IsNullOrWhiteSpace(InviteEmail) || !new EmailAddressAttribute().IsValid(InviteEmail.Trim()))
            ModelState.AddModelError(nameof(InviteEmail), l["Please enter a valid email address."]);
        else if (!OrganizationRoles.IsAllowed(org.Kind, InviteRole))
            ModelState.AddModelError(nameof(InviteRole), l["This role does not exist in this organization."]);
        else
        {
            try
            {
                link = await Invitations.InviteAsync(db, org, InviteEmail, InviteRole, me.UserId!, urls, ct);
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, l.Error(ex));
            }
        }
        View = await MembersView.LoadAsync(db, org, link, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct)
    {
        if (await FindOrganizationAsync(ct) is not { } org) return NotFound();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == org.Id, ct);
        if (invitation is null) return NotFound();
        try
        {
            invitation.Revoke();
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            View = await MembersView.LoadAsync(db, org, null, ct);
            return Page();
        }
        return RedirectToPage();
    }
}
