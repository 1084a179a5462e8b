using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Areas.Identity.Pages.Account.Manage;

public class IndexModel(UserManager<AppUser> users, AidMarketDbContext db) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public string? OrganizationName { get; private set; }
    public bool TwoFactorEnabled { get; private set; }

    public async Task OnGetAsync()
    {
        Account = (await users.GetUserAsync(User))!;
        OrganizationName = await db.Organizations.Where(o => o.Id == Account.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync();
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(Account);
    }
}
