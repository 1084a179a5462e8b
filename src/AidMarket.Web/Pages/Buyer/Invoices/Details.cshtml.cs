using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Hosting;
using AidMarket.Web.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer.Invoices;

/// <summary>
/// One invoice, printable: what was accepted, the payment reference and the platform's bank account, and what is paid. With
/// Stripe configured, finance can pay what is outstanding online on Stripe's hosted Checkout page.
/// </summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, Microsoft.Extensions.Options.IOptions<BankAccountOptions> bank,
    StripeCheckout stripe, IStringLocalizer<SharedResource> l, ILogger<DetailsModel> logger, PublicUrls urls) : PageModel
{
    public Invoice Invoice { get; private set; } = null!;
    public SupplierOrder Order { get; private set; } = null!;
    public string Supplier { get; private set; } = "";
    public string Buyer { get; private set; } = "";
    public BankAccountOptions Bank => bank.Value;
    public bool CanPayOnline => stripe.IsEnabled && Invoice.Outstanding > Money.Zero;
    /// <summary>"success" or "cancelled" when Stripe sent the buyer back.</summary>
    [BindProperty(SupportsGet = true, Name = "stripe")] public string? StripeReturn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!IndexModel.CanSee(me)) return Forbid();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPayOnlineAsync(Guid id, CancellationToken ct)
    {
        if (!IndexModel.CanSee(me)) return Forbid();
        if (!await LoadAsync(id, ct) || !stripe.IsEnabled) return NotFound();
        try
        {
            var session = await stripe.CreateSessionAsync(Invoice, urls.To($"/Buyer/Invoices/Details/{id}"), ct);
            return Redirect(session.Url);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
        }
        catch (Stripe.StripeException ex)
        {
            logger.LogWarning(ex, "Stripe refused a Checkout Session for invoice {Invoice}", Invoice.Reference);
            ModelState.AddModelError(string.Empty, l["Online payment is not available right now. Please try again later or pay by bank transfer."]);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.BuyerOrganizationId == me.OrganizationId, ct) is not { } invoice)
            return false;
        Invoice = invoice;
        Order = await db.SupplierOrders.AsNoTracking().SingleAsync(o => o.Id == invoice.SupplierOrderId, ct);
        Supplier = await db.Suppliers.Where(s => s.Id == invoice.SupplierId).Select(s => s.LegalName).SingleAsync(ct);
        Buyer = await db.Organizations.Where(o => o.Id == invoice.BuyerOrganizationId).Select(o => o.Name).SingleAsync(ct);
        return true;
    }
}
