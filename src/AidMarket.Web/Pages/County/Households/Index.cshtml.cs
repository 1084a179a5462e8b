using AidMarket.Domain.Producers;
using AidMarket.Web.Security;

namespace AidMarket.Web.Pages.CountyDesk.Households;

public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, SensitiveData sensitive)
    : CountyPageModel(db, me, l)
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string HeadName, string IdNumberMasked, string Village, int Size, HouseholdStatus Status, string CardCode, int Links);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public HouseholdStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<string> Villages { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct)
    {
        if (LooksLikeIdNumber(Q)) Q = null; // never answer an ID number that came in a URL
        return SearchAsync(ct);
    }

    /// <summary>The search form posts: anything like an ID number (even a mistyped one) is answered here and never travels in a URL.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!LooksLikeIdNumber(Q))
            return RedirectToPage(new { Q, Status, p = 1 });
        await SearchAsync(ct);
        return Page();
    }

    private static bool LooksLikeIdNumber(string? q) =>
        q is not null && System.Text.RegularExpressions.Regex.IsMatch(q.Trim(), @"^\d{14,17}[\dXx]?$");

    private async Task SearchAsync(CancellationToken ct)
    {
        var query = Db.Households.AsNoTracking().Where(h => h.CountyCode == County);
        if (Status is { } status) query = query.Where(h => h.Status == status);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            // A full ID number is found through its keyed hash; it is never compared in plain text.
            var lookup = ChineseIdNumber.TryParse(q, out var id) ? sensitive.Lookup(id) : null;
            query = query.Where(h => h.IdNumberLookup == lookup || h.HeadName.Contains(q) || h.Village.Contains(q) || h.CardCode == q.ToUpper());
        }
        Total = await query.CountAsync(ct);
        Villages = await Db.Households.Where(h => h.CountyCode == County).Select(h => h.Village).Distinct().OrderBy(v => v).ToListAsync(ct);
        PageNumber = Paging.Clamp(PageNumber, PageSize);
        Rows = await query.OrderBy(h => h.Village).ThenBy(h => h.HeadName).ThenBy(h => h.Id)
            .Page(PageNumber, PageSize)
            .Select(h => new Row(h.Id, h.HeadName, h.IdNumberMasked, h.Village, h.Size, h.Status, h.CardCode,
                Db.BenefitLinks.Count(k => k.HouseholdId == h.Id && k.Status == LinkStatus.Confirmed)))
            .ToListAsync(ct);
    }
}
