using AidMarket.Domain.Organizations;
using AidMarket.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer;

/// <summary>The buyer's admin creates and revokes the keys its ERP uses for /api/v1. A new key is shown once.</summary>
public class ApiKeysModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, Api.ApiKeyCache keys) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public string? NewSecret { get; private set; }
    [BindProperty] public string? Name { get; set; }

    private bool IsAdmin => me.Is(OrganizationKind.Buyer, OrganizationRole.Admin);

    private async Task LoadAsync(CancellationToken ct) =>
        Keys = await db.ApiKeys.AsNoTracking().Where(k => k.OrganizationId == me.OrganizationId).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!IsAdmin) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!IsAdmin) return Forbid();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100) ModelState.AddModelError(nameof(Name), l["Please enter {0}.", l["Key name"]]);
        else
        {
            var (key, secret) = ApiKey.Create(me.OrganizationId!.Value, Name, me.UserId!);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
            NewSecret = secret;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid keyId, CancellationToken ct)
    {
        if (!IsAdmin) return Forbid();
        if (await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.OrganizationId == me.OrganizationId, ct) is not { } key) return NotFound();
        key.Revoke(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(ct);
        keys.Forget(key.Hash);
        return RedirectToPage();
    }
}
