using AidMarket.Web.Auditing;

namespace AidMarket.Web.Pages.CountyDesk.Audit;

/// <summary>The county's audit trail: reviews, certifications and every change to household data, newest first.</summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Db.AuditEntries.AsNoTracking().Where(a => a.CountyCode == County);
        if (!string.IsNullOrEmpty(EntityType)) query = query.Where(a => a.EntityType == EntityType);
        PageNumber = Paging.Clamp(PageNumber, PageSize);
        Entries = await query.OrderByDescending(a => a.At).Page(PageNumber, PageSize).ToListAsync(ct);
    }
}
