using AidMarket.Web.Messaging;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Notifications;

public class IndexModel(AidMarketDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.Notifications.AsNoTracking().Where(n => n.UserId == me.UserId)
            .OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync(ct);

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        await db.Notifications.Where(n => n.UserId == me.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return RedirectToPage();
    }
}
