using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.CountyDesk;

/// <summary>Pages of a county office: every query is limited to <see cref="County"/>, the officer's own county.</summary>
public abstract class CountyPageModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    protected AidMarketDbContext Db => db;
    protected CurrentUser Me => me;
    protected IStringLocalizer<SharedResource> L => l;
    protected string County => me.OfficerCounty ?? throw new InvalidOperationException("Only county officers reach these pages.");

    [TempData] public string? StatusMessage { get; set; }

    /// <summary>Runs a decision and saves it; a broken rule becomes a message on the page and nothing is saved.</summary>
    protected async Task<IActionResult> DecideAsync(Func<Task> decide, string doneMessage, Func<Task<IActionResult>> redisplay, CancellationToken ct)
    {
        try
        {
            await decide();
            await db.SaveChangesAsync(ct);
            StatusMessage = l[doneMessage];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return await redisplay();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer decided first: nothing of this request was saved.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, l["Someone else changed this meanwhile. Nothing was saved; look at it again."]);
            return await redisplay();
        }
    }
}
