using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.BuyerDesk.Invoices;

/// <summary>One invoice, printable: what was accepted, the payment reference and the platform's bank account, and what is paid.</summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, Microsoft.Extensions.Options.IOptions<BankAccountOptions> bank) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;
    public SupplierOrder Order { get; private set; } = null!;
    public string Supplier { get; private set; } = "";
    public string Buyer { get; private set; } = "";
    public BankAccountOptions Bank => bank.Value;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!IndexModel.CanSee(me)) return Forbid();
        if (await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.BuyerOrganizationId == me.OrganizationId, ct) is not { } invoice)
            return NotFound();
        Invoice = invoice;
        Order = await db.SupplierOrders.AsNoTracking().SingleAsync(o => o.Id == invoice.SupplierOrderId, ct);
        Supplier = await db.Suppliers.Where(s => s.Id == invoice.SupplierId).Select(s => s.LegalName).SingleAsync(ct);
        Buyer = await db.Organizations.Where(o => o.Id == invoice.BuyerOrganizationId).Select(o => o.Name).SingleAsync(ct);
        return Page();
    }
}

/// <summary>The platform's collection account printed on invoices (对公账户).</summary>
public class BankAccountOptions
{
    public string AccountName { get; set; } = "AidMarket 消费帮扶平台";
    public string BankName { get; set; } = "中国农业银行 (demo)";
    public string AccountNumber { get; set; } = "6228 0000 0000 0000 000";
}
