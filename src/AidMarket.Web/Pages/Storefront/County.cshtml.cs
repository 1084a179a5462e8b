using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Storefront;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = StorefrontOutputCache.PolicyName)]
public class CountyModel(AidMarketDbContext db) : PageModel
{
    public sealed record SupplierRow(Guid Id, string Name, SupplierKind Kind, int Products);

    public County County { get; private set; } = null!;
    public IReadOnlyList<PartnerPairing> Pairings { get; private set; } = [];
    public IReadOnlyList<SupplierRow> Suppliers { get; private set; } = [];
    public IReadOnlyList<StorefrontRow> Products { get; private set; } = [];
    public int Households { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await db.Counties.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, ct) is not { } county) return NotFound();
        County = county;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Pairings = await db.PartnerPairings.AsNoTracking().Where(p => p.CountyCode == code).ToListAsync(ct);
        Products = await StorefrontQuery.OnSale(db, today).Where(r => r.Product.CountyCode == code)
            .OrderBy(r => r.SupplierName).ThenBy(r => r.Product.NameZh).Take(60).ToListAsync(ct);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.CountyCode == code && s.Status == SupplierStatus.Approved)
            .OrderBy(s => s.LegalName).Select(s => new { s.Id, s.LegalName, s.Kind }).ToListAsync(ct);
        Suppliers = suppliers.Select(s => new SupplierRow(s.Id, s.LegalName, s.Kind, Products.Count(r => r.SupplierId == s.Id))).ToList();
        Households = await (from k in db.BenefitLinks
                            join s in db.Suppliers on k.SupplierId equals s.Id
                            where s.CountyCode == code && s.Status == SupplierStatus.Approved && k.Status == LinkStatus.Confirmed
                            select k.HouseholdId).Distinct().CountAsync(ct);
        return Page();
    }
}
