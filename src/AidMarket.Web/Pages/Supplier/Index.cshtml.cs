using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging.Contracts;
using AidMarket.Web.Pages.Suppliers;
using SupplierEntity = AidMarket.Domain.Producers.Supplier;

namespace AidMarket.Web.Pages.SupplierDesk;

public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : SupplierPageModel(db, me)
{
    public SupplierEntity Supplier { get; private set; } = null!;
    public string CountyName { get; private set; } = "";
    public IReadOnlyList<County> Counties { get; private set; } = [];
    [BindProperty] public SupplierForm Input { get; set; } = new();
    [BindProperty, Display(Name = "Stripe connected account")] public string? StripeAccount { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await MySupplierAsync(ct) is not { } supplier) return false;
        Supplier = supplier;
        Counties = await Db.Counties.OrderBy(c => c.Code).ToListAsync(ct);
        CountyName = Counties.Single(c => c.Code == supplier.CountyCode).Name;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = SupplierForm.From(Supplier);
        StripeAccount = Supplier.StripeAccountId;
        return Page();
    }

    /// <summary>
    /// The Stripe connected account its payouts go to (empty: back to bank batches). Only ever the signed-in user's own
    /// supplier: nothing in the form names which one.
    /// </summary>
    public async Task<IActionResult> OnPostStripeAccountAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        Input = SupplierForm.From(Supplier);
        var before = Supplier.StripeAccountId;
        try
        {
            Supplier.ConnectStripeAccount(StripeAccount);
            if (Supplier.StripeAccountId == before) return RedirectToPage();
            Db.Audit(AuditEntry.Record(Me, "Audit.StripeAccountSet", nameof(SupplierEntity), Supplier.Id, Supplier.CountyCode,
                before: new { StripeAccount = before }, after: new { StripeAccount = Supplier.StripeAccountId }));
            await Db.SaveChangesAsync(ct);
            StatusMessage = Supplier.StripeAccountId is null
                ? l["The Stripe account was removed: payouts go to your bank account."]
                : l["Stripe account {0} saved: payouts go to it when the platform pays through Stripe Connect.", Supplier.StripeAccountId];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(StripeAccount), l.Error(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(StripeAccount), l["Someone else changed this meanwhile. Nothing was saved; look at it again."]);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            ModelState.AddModelError(nameof(StripeAccount), l["This Stripe account is already another supplier's."]);
        }
        Db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A changed benefit plan: waits for the county while the current plan stays in force.</summary>
    public async Task<IActionResult> OnPostProposePlanAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Input.SharePercent") && !k.StartsWith("Input.Mechanism") && !k.StartsWith("Input.PlanDescription")).ToList())
            ModelState.Remove(key);
        if (!ModelState.IsValid) return Page();
        try
        {
            var plan = Supplier.ProposePlan(Input.Plan, DateTimeOffset.UtcNow);
            Db.Publish(new BenefitPlanProposed(Supplier.Id, plan.Id, Supplier.CountyCode, Supplier.LegalName, plan.HouseholdSharePercent));
            Db.Audit(AuditEntry.Record(Me, "Audit.PlanProposed", nameof(BenefitPlan), plan.Id, Supplier.CountyCode,
                before: Supplier.CurrentPlan is { } c ? new { Share = c.HouseholdSharePercent, c.Mechanism, c.Description } : null,
                after: new { Share = plan.HouseholdSharePercent, plan.Mechanism, plan.Description }));
            await Db.SaveChangesAsync(ct);
            StatusMessage = l["The changed plan was sent to the county for approval. The current plan stays in force until then."];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return Page();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            ModelState.AddModelError(string.Empty, l["Error.Plan.AlreadyPending"]);
            return Page();
        }
    }

    /// <summary>After a rejection: corrected details and plan go back to the county.</summary>
    public async Task<IActionResult> OnPostResubmitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var details = Input.ToDetails(ModelState, nameof(Input), k => l[k]);
        if (details is not null && details.CountyCode != Supplier.CountyCode)
            ModelState.AddModelError("Input.CountyCode", l["The county of a supplier cannot change; register a new supplier instead."]);
        if (details is not null && await Db.Suppliers.AnyAsync(s => s.Id != Supplier.Id && s.CreditCode == details.CreditCode.Value, ct))
            ModelState.AddModelError("Input.CreditCode", l["A supplier with this credit code is already registered."]);
        if (!ModelState.IsValid || details is null) return Page();
        try
        {
            Supplier.Resubmit(details, Input.Plan, DateTimeOffset.UtcNow);
            Db.Publish(new SupplierRegistered(Supplier.Id, Supplier.CountyCode, Supplier.LegalName));
            Db.Audit(AuditEntry.Record(Me, "Audit.SupplierResubmitted", nameof(SupplierEntity), Supplier.Id, Supplier.CountyCode,
                after: new { Supplier.LegalName, Supplier.CreditCode, Share = Input.SharePercent }));
            await Db.SaveChangesAsync(ct);
            StatusMessage = l["Your registration was sent to the county again."];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return Page();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            ModelState.AddModelError(string.Empty, l["Your registration was already sent again."]);
            return Page();
        }
    }
}
