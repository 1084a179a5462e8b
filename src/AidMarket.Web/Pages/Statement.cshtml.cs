using System.ComponentModel.DataAnnotations;
using AidMarket.Web.Statements;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AidMarket.Web.Pages;

/// <summary>
/// 明白卡查询: a household opens its own statement with its card code and the last four characters of the head's ID number. The
/// answer is rendered to the POST (the second factor never travels in a URL) and never cached; a wrong code or factor gets one
/// message that does not say which was wrong; attempts are limited and recorded (decision note 014).
/// </summary>
[EnableRateLimiting(StatementAccess.RateLimitPolicy)]
public class StatementModel(AidMarketDbContext db, StatementAccess access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true), Required(ErrorMessage = "Please enter {0}."), StringLength(StatementLookup.CardCodeMaxLength)]
    [Display(Name = "Statement card code")]
    public string? Card { get; set; }

    [BindProperty, Required(ErrorMessage = "Please enter {0}."), StringLength(4, MinimumLength = 4, ErrorMessage = "Enter exactly four characters.")]
    [Display(Name = "Last four characters of the head of household's ID number")]
    public string? LastFour { get; set; }

    public HouseholdStatement? Statement { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => Response.Headers.CacheControl = "no-store";

    public void OnGet()
    {
        Card = StatementAccess.NormalizeCard(Card);
        ModelState.Clear(); // an empty form is not an error
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Card = StatementAccess.NormalizeCard(Card);
        var lastFour = LastFour;
        LastFour = null;
        ModelState.Remove(nameof(LastFour)); // the form never shows the second factor again
        if (!ModelState.IsValid) return Page();
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (household, outcome) = await access.OpenAsync(db, Card, lastFour, ip, ct);
        if (outcome == LookupOutcome.RateLimited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, l["Too many attempts. Please wait a minute and try again."]);
            return Page();
        }
        if (household is null)
        {
            ModelState.AddModelError(string.Empty, l["The card code and the last four characters do not match a statement. Check both and try again."]);
            return Page();
        }
        Statement = await HouseholdStatement.ForAsync(db, household, ct);
        return Page();
    }
}
