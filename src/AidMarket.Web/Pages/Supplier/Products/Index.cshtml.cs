using AidMarket.Domain.Catalog;

namespace AidMarket.Web.Pages.SupplierDesk.Products;

public class IndexModel(AidMarketDbContext db, CurrentUser me) : SupplierPageModel(db, me)
{
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public bool CanSell { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await MySupplierAsync(ct) is not { } supplier) return NotFound();
        CanSell = supplier.CanSell;
        Products = await Db.Products.AsNoTracking().Where(p => p.SupplierId == supplier.Id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        return Page();
    }
}
