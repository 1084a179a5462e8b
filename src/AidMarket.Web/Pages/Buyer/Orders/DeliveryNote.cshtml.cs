using AidMarket.Domain.Procurement;
using AidMarket.Web.Pages.SupplierDesk.Orders;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer.Orders;

public class DeliveryNoteModel(AidMarketDbContext db, CurrentUser me) : PageModel
{
    public (Shipment Shipment, string SupplierName, string BuyerName, PurchaseOrder Order) Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await DeliveryNotes.LoadAsync(db, s => s.Id == id && s.BuyerOrganizationId == me.OrganizationId, ct) is not { } note) return NotFound();
        Note = note;
        return Page();
    }
}
