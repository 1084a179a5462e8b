using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SupplierEntity = AidMarket.Domain.Producers.Supplier;

namespace AidMarket.Web.Pages.Storefront;

/// <summary>A supplier's public page; only approved suppliers have one. Personal data of households never appears.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = StorefrontOutputCache.PolicyName)]
public class SupplierModel(AidMarketDbContext db) : PageModel
{
    public SupplierEntity Supplier { get; private set; } = null!;
    public County County { get; private set; } = null!;
    public IReadOnlyList<StorefrontRow> Products { get; private set; } = [];
    public int Households { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.Plans).SingleOrDefaultAsync(s => s.Id == id && s.Status == SupplierStatus.Approved, ct);
        if (supplier is null) return NotFound();
        Supplier = supplier;
        County = await db.Counties.AsNoTracking().SingleAsync(c => c.Code == supplier.CountyCode, ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Products = await StorefrontQuery.OnSale(db, today).Where(r => r.SupplierId == id).OrderBy(r => r.Product.NameZh).ToListAsync(ct);
        Households = await db.BenefitLinks.Where(k => k.SupplierId == id && k.Status == LinkStatus.Confirmed).Select(k => k.HouseholdId).Distinct().CountAsync(ct);
        return Page();
    }
}
