using AidMarket.Web.Statements;

namespace AidMarket.Web.Pages.CountyDesk.Lookups;

/// <summary>明白卡查询记录: every attempt on a card code of the county's households, successful or not, newest first.</summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public const int PageSize = 100;

    public sealed record Row(DateTimeOffset At, string CardCode, Guid? HouseholdId, string? HeadName, LookupOutcome Outcome, string IpAddress);

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Paging.Clamp(PageNumber, PageSize);
        Rows = await (from x in Db.StatementLookups.AsNoTracking()
                      where x.CountyCode == County
                      join h in Db.Households on x.HouseholdId equals h.Id into hs
                      from h in hs.DefaultIfEmpty()
                      orderby x.At descending
                      select new Row(x.At, x.CardCode, x.HouseholdId, h == null ? null : h.HeadName, x.Outcome, x.IpAddress))
            .Page(PageNumber, PageSize).ToListAsync(ct);
    }
}
