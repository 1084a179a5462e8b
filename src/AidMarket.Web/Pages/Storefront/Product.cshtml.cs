using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Storefront;

/// <summary>A product on sale: prices, certificate, origin, supplier and how it benefits households. Not on sale: 404.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = StorefrontOutputCache.PolicyName)]
public class ProductModel(AidMarketDbContext db) : PageModel
{
    public StorefrontRow Row { get; private set; } = null!;
    public County County { get; private set; } = null!;
    public BenefitPlan? Plan { get; private set; }
    public int HouseholdsBenefiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (await StorefrontQuery.OnSale(db, today).SingleOrDefaultAsync(r => r.Product.Id == id, ct) is not { } row) return NotFound();
        Row = row;
        County = await db.Counties.AsNoTracking().SingleAsync(c => c.Code == row.Product.CountyCode, ct);
        Plan = await db.BenefitPlans.AsNoTracking()
            .Where(p => p.SupplierId == row.SupplierId && p.Status == BenefitPlanStatus.Approved).SingleOrDefaultAsync(ct);
        HouseholdsBenefiting = await db.BenefitLinks.Where(k => k.SupplierId == row.SupplierId && k.Status == LinkStatus.Confirmed
                && k.StartsOn <= today && (k.EndsOn == null || k.EndsOn >= today))
            .Select(k => k.HouseholdId).Distinct().CountAsync(ct);
        return Page();
    }
}
