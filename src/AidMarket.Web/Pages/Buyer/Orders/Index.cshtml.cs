using AidMarket.Domain.Procurement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer.Orders;

public class IndexModel(AidMarketDbContext db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public OrderStatus? Status { get; set; }
    public IReadOnlyList<PurchaseOrder> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.PurchaseOrders.AsNoTracking().Where(o => o.BuyerOrganizationId == me.OrganizationId);
        if (Status is { } status) query = query.Where(o => o.Status == status);
        Orders = await query.OrderByDescending(o => o.SubmittedAt).Take(200).ToListAsync(ct);
    }
}
