using Microsoft.AspNetCore.Mvc.RazorPages;
using SupplierEntity = AidMarket.Domain.Producers.Supplier;

namespace AidMarket.Web.Pages.SupplierDesk;

/// <summary>Pages of a supplier's own workspace: everything is looked up through the signed-in user's organization.</summary>
public abstract class SupplierPageModel(AidMarketDbContext db, CurrentUser me) : PageModel
{
    protected AidMarketDbContext Db => db;
    protected CurrentUser Me => me;

    protected Task<SupplierEntity?> MySupplierAsync(CancellationToken ct) =>
        db.Suppliers.Include(s => s.Plans).SingleOrDefaultAsync(s => s.OrganizationId == me.OrganizationId, ct);

    protected Task<Guid> MySupplierIdAsync(CancellationToken ct) =>
        db.Suppliers.Where(s => s.OrganizationId == me.OrganizationId).Select(s => s.Id).SingleOrDefaultAsync(ct);
}
