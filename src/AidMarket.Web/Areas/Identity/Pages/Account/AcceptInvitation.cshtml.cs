using AidMarket.Domain.Organizations;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Areas.Identity.Pages.Account;

public class AcceptInvitationModel(AidMarketDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public Invitation? Invitation { get; private set; }
    public Organization? Organization { get; private set; }
    public bool HasAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Page();
        Input.Email = Invitation!.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Page();
        var invitation = Invitation!;
        var user = await users.FindByEmailAsync(invitation.Email);
        if (user is null)
        {
            Input.Email = invitation.Email;
            ModelState.Remove("Input.Email");
            if (!ModelState.IsValid) return Page();
            user = new AppUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = Input.DisplayName.Trim() };
            user.JoinOrganization(Organization!, invitation.Role);
            await using var tx = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                foreach (var e in created.Errors) ModelState.AddModelError(string.Empty, e.Description);
                return Page();
            }
            if (!await CompleteAsync(invitation, user)) return Page();
            await tx.CommitAsync();
        }
        else
        {
            // An existing account joins only when its owner is signed in: the link alone proves nothing about the account.
            if (users.GetUserId(User) != user.Id)
                return RedirectToPage("./Login", new { ReturnUrl = $"/Identity/Account/AcceptInvitation?token={Uri.EscapeDataString(Token)}" });
            if (user.OrganizationId is not null && user.OrganizationId != invitation.OrganizationId)
            {
                ModelState.AddModelError(string.Empty, l["Your account already belongs to another organization."]);
                return Page();
            }
            user.JoinOrganization(Organization!, invitation.Role);
            if (!await CompleteAsync(invitation, user)) return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }

    /// <summary>Accepts and saves with the user; false (with a message) when another request used the invitation first.</summary>
    private async Task<bool> CompleteAsync(Invitation invitation, AppUser user)
    {
        invitation.Accept(DateTimeOffset.UtcNow);
        db.Publish(new MemberJoined(invitation.OrganizationId, user.Id, user.DisplayName, invitation.Role, invitation.InvitedByUserId));
        var saved = await users.UpdateAsync(user); // saves the invitation and the outbox row with the user
        if (saved.Succeeded) return true;
        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, l["This invitation has expired, was revoked or was already used. Ask the administrator for a new one."]);
        Invitation = null;
        return false;
    }

    private async Task<bool> LoadAsync()
    {
        var hash = InvitationTokens.Hash(Token);
        Invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (Invitation is null || !Invitation.IsOpen(DateTimeOffset.UtcNow))
        {
            Invitation = null;
            return false;
        }
        Organization = await db.Organizations.SingleAsync(o => o.Id == Invitation.OrganizationId);
        HasAccount = await users.FindByEmailAsync(Invitation.Email) is not null;
        ViewData["EmailReadOnly"] = true;
        return true;
    }
}
