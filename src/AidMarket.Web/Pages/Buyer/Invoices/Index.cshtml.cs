using AidMarket.Domain.Organizations;
using AidMarket.Domain.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer.Invoices;

/// <summary>付款通知书: the buyer's invoices (accepted supplier orders), newest first; for its finance users and admin.</summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me) : PageModel
{
    public sealed record Row(Invoice Invoice, string Supplier);

    public IReadOnlyList<Row> Invoices { get; private set; } = [];

    public static bool CanSee(CurrentUser me) =>
        me.Is(OrganizationKind.Buyer, OrganizationRole.Finance) || me.Is(OrganizationKind.Buyer, OrganizationRole.Admin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!CanSee(me)) return Forbid();
        Invoices = await (from i in db.Invoices.AsNoTracking()
                          join s in db.Suppliers on i.SupplierId equals s.Id
                          where i.BuyerOrganizationId == me.OrganizationId
                          orderby i.IssuedAt descending
                          select new Row(i, s.LegalName)).Take(200).ToListAsync(ct);
        return Page();
    }
}
