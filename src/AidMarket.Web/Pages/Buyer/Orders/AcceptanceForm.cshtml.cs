using AidMarket.Domain.Procurement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer.Orders;

public class AcceptanceFormModel(AidMarketDbContext db, CurrentUser me) : PageModel
{
    public AcceptanceRecord Record { get; private set; } = null!;
    public SupplierOrder Order { get; private set; } = null!;
    public string SupplierName { get; private set; } = "";
    public string BuyerName { get; private set; } = "";
    public string ReceiverName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.AcceptanceRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.BuyerOrganizationId == me.OrganizationId, ct) is not { } record)
            return NotFound();
        Record = record;
        Order = await db.SupplierOrders.AsNoTracking().SingleAsync(s => s.Id == record.SupplierOrderId, ct);
        SupplierName = await db.Suppliers.Where(s => s.Id == record.SupplierId).Select(s => s.LegalName).SingleAsync(ct);
        BuyerName = await db.Organizations.Where(o => o.Id == record.BuyerOrganizationId).Select(o => o.Name).SingleAsync(ct);
        ReceiverName = await db.Users.Where(u => u.Id == record.RecordedByUserId).Select(u => u.DisplayName).SingleAsync(ct);
        return Page();
    }
}
