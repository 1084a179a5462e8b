using AidMarket.Domain.Procurement;

namespace AidMarket.Web.Pages.SupplierDesk.Orders;

public class IndexModel(AidMarketDbContext db, CurrentUser me) : SupplierPageModel(db, me)
{
    public sealed record Row(SupplierOrder Order, string BuyerName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var supplierId = await MySupplierIdAsync(ct);
        if (supplierId == Guid.Empty) return NotFound();
        Rows = await (from s in Db.SupplierOrders.AsNoTracking()
                      join o in Db.Organizations on s.BuyerOrganizationId equals o.Id
                      where s.SupplierId == supplierId
                      orderby s.PlacedAt descending
                      select new Row(s, o.Name)).Take(200).ToListAsync(ct);
        return Page();
    }
}
