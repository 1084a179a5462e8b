using AidMarket.Domain.Producers;

namespace AidMarket.Web.Pages.CountyDesk.Suppliers;

public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public sealed record Row(Guid Id, string LegalName, SupplierKind Kind, SupplierStatus Status, DateTimeOffset RegisteredAt,
        decimal? CurrentShare, bool PlanPending, int Households);

    [BindProperty(SupportsGet = true)] public SupplierStatus? Status { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Db.Suppliers.AsNoTracking().Where(s => s.CountyCode == County);
        if (Status is { } status) query = query.Where(s => s.Status == status);
        Rows = await query
            .OrderBy(s => s.Status == SupplierStatus.Pending ? 0 : 1).ThenByDescending(s => s.RegisteredAt)
            .Select(s => new Row(s.Id, s.LegalName, s.Kind, s.Status, s.RegisteredAt,
                s.Plans.Where(p => p.Id == s.CurrentPlanId).Select(p => (decimal?)p.HouseholdSharePercent).FirstOrDefault(),
                s.Plans.Any(p => p.Status == BenefitPlanStatus.Pending),
                Db.BenefitLinks.Count(k => k.SupplierId == s.Id && k.Status == LinkStatus.Confirmed)))
            .ToListAsync(ct);
    }
}
