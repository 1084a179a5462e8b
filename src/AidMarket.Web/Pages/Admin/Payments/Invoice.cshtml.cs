using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Payments;
using AidMarket.Web.Ledger;
using AidMarket.Web.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore.Storage;

namespace AidMarket.Web.Pages.Admin.Payments;

/// <summary>
/// One invoice for platform finance: its payments, refunds and settlement, and refunds of all or part of it: through Stripe
/// for an online payment (posted once Stripe confirms it), or recorded after the bank sent the money back (decision note 013).
/// The form carries its refund id, so a double submit asks Stripe once and posts once; the invoice stays locked while Stripe is
/// asked, so two refunds at the same moment never both reach Stripe.
/// </summary>
public class InvoiceModel(AidMarketDbContext db, StripeCheckout stripe, IStringLocalizer<SharedResource> l, ILogger<InvoiceModel> logger) : PageModel
{
    public sealed class RefundInput
    {
        public Guid RefundId { get; set; }
        [Required(ErrorMessage = "Enter the amount.")] [Range(0.01, 100_000_000, ErrorMessage = "Enter an amount greater than zero.")]
        [Display(Name = "Amount to refund (yuan)")] public decimal? Amount { get; set; }
        [Display(Name = "Online payment")] public string? PaymentIntentId { get; set; }
        [StringLength(64)] [Display(Name = "Bank slip number of the refund")] public string? SlipNumber { get; set; }
    }

    [BindProperty] public RefundInput Input { get; set; } = new();
    public Invoice Invoice { get; private set; } = null!;
    public SettlementRecord? Settlement { get; private set; }
    public bool StripeEnabled => stripe.IsEnabled;
    public IReadOnlyList<InvoicePayment> StripePayments => Invoice.Payments.Where(p => p.Method == PaymentMethod.Stripe).ToList();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.RefundId = Guid.CreateVersion7();
        return Page();
    }

    public async Task<IActionResult> OnPostStripeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !stripe.IsEnabled) return NotFound();
        if (!ModelState.IsValid || Input.RefundId == Guid.Empty) return Page();
        var amount = Money.FromYuan(Input.Amount!.Value);
        if (StripePayments.All(p => p.ExternalId != Input.PaymentIntentId))
        {
            ModelState.AddModelError(string.Empty, l["Choose the online payment to refund."]);
            return Page();
        }
        // One transaction holds the invoice from the check until the refund is posted: the rules are checked before Stripe is
        // asked, so a refund the ledger would refuse never leaves the platform, and a second refund at the same moment waits.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await AddAsync(id, amount, "check:" + Input.RefundId, ct) is { } refused) return await RefusedAsync(refused, tx);
        Stripe.Refund refund;
        try
        {
            refund = await stripe.RefundAsync(Invoice, Input.PaymentIntentId!, Input.RefundId, amount, ct);
        }
        catch (Stripe.StripeException ex)
        {
            logger.LogWarning(ex, "Stripe refused refund {Refund} of invoice {Invoice}", Input.RefundId, Invoice.Reference);
            return await RefusedAsync(l["Stripe refused the refund: {0}", ex.StripeError?.Message ?? ex.Message], tx);
        }
        if (refund.Status != "succeeded")
        {
            TempData["Message"] = l["Stripe accepted the refund ({0}); it is posted when Stripe confirms it.", refund.Status].Value;
            return RedirectToPage(new { id });
        }
        return await PostAndRedirectAsync(tx, id, amount, refund.Id, ct);
    }

    public async Task<IActionResult> OnPostBankAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Input.SlipNumber)) ModelState.AddModelError("Input.SlipNumber", l["Enter the bank slip number."]);
        if (!ModelState.IsValid || Input.RefundId == Guid.Empty) return Page();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        return await PostAndRedirectAsync(tx, id, Money.FromYuan(Input.Amount!.Value), Input.SlipNumber!.Trim(), ct);
    }

    private async Task<IActionResult> PostAndRedirectAsync(IDbContextTransaction tx, Guid id, Money amount, string externalId, CancellationToken ct)
    {
        if (await AddAsync(id, amount, externalId, ct) is { } refused) return await RefusedAsync(refused, tx);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return await RefusedAsync(l["Error.Refund.AlreadyRecorded"], tx);
        }
        TempData["Message"] = l["Refund of {0} recorded.", amount.ToString()].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Adds the refund against the invoice, locked until the caller's transaction ends; null when it is added (or was recorded
    /// already), otherwise why not. What an earlier check added is dropped first.
    /// </summary>
    private async Task<string?> AddAsync(Guid id, Money amount, string externalId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        try
        {
            var invoice = (await Invoicing.LockAsync(db, [Invoice.Reference], ct)).Single(i => i.Id == id);
            await Refunding.PostAsync(db, invoice, Input.RefundId, amount, externalId, DateTimeOffset.UtcNow, ct);
            return null;
        }
        catch (DomainException ex)
        {
            return l.Error(ex);
        }
    }

    private async Task<IActionResult> RefusedAsync(string message, IDbContextTransaction tx)
    {
        await tx.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, message);
        // A corrected form is a new refund: Stripe refuses a key reused with other parameters.
        ModelState.Remove("Input.RefundId");
        Input.RefundId = Guid.CreateVersion7();
        await LoadAsync(Invoice.Id, CancellationToken.None);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is not { } invoice) return false;
        Invoice = invoice;
        Settlement = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.SupplierOrderId == invoice.SupplierOrderId, ct);
        Message = TempData["Message"] as string;
        return true;
    }
}
