using AidMarket.Domain.Procurement;

namespace AidMarket.Web.Pages.SupplierDesk.Orders;

public class DeliveryNoteModel(AidMarketDbContext db, CurrentUser me) : SupplierPageModel(db, me)
{
    public (Shipment Shipment, string SupplierName, string BuyerName, PurchaseOrder Order) Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var supplierId = await MySupplierIdAsync(ct);
        if (await DeliveryNotes.LoadAsync(Db, s => s.Id == id && s.SupplierId == supplierId, ct) is not { } note) return NotFound();
        Note = note;
        return Page();
    }
}

public static class DeliveryNotes
{
    public static async Task<(Shipment, string, string, PurchaseOrder)?> LoadAsync(AidMarketDbContext db,
        System.Linq.Expressions.Expression<Func<Shipment, bool>> mine, CancellationToken ct)
    {
        if (await db.Shipments.AsNoTracking().SingleOrDefaultAsync(mine, ct) is not { } shipment) return null;
        var order = await (from s in db.SupplierOrders join o in db.PurchaseOrders on s.OrderId equals o.Id where s.Id == shipment.SupplierOrderId select o)
            .AsNoTracking().SingleAsync(ct);
        var supplier = await db.Suppliers.Where(s => s.Id == shipment.SupplierId).Select(s => s.LegalName).SingleAsync(ct);
        var buyer = await db.Organizations.Where(o => o.Id == shipment.BuyerOrganizationId).Select(o => o.Name).SingleAsync(ct);
        return (shipment, supplier, buyer, order);
    }
}
