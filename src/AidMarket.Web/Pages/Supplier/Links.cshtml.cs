using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Pages.SupplierDesk;

/// <summary>The supplier's household links. A household is named by the card code it holds; the county confirms each link.</summary>
public class LinksModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : SupplierPageModel(db, me)
{
    public sealed record Row(string MaskedName, string Village, LinkKind Kind, int Weight, LinkStatus Status, string? Reason, DateOnly StartsOn, DateOnly? EndsOn);

    public class ProposeInput
    {
        [Required(ErrorMessage = "Please enter {0}."), Display(Name = "Statement card code")] public string CardCode { get; set; } = "";
        [Display(Name = "Link")] public LinkKind Kind { get; set; } = LinkKind.ProduceSupply;
        [Range(1, 1000, ErrorMessage = "{0} must be between {1} and {2}."), Display(Name = "Weight")] public int Weight { get; set; } = 1;
        [Display(Name = "Starts on")] public DateOnly StartsOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);
        [Display(Name = "Ends on")] public DateOnly? EndsOn { get; set; }
    }

    [BindProperty] public ProposeInput Input { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    private async Task LoadAsync(Guid supplierId, CancellationToken ct)
    {
        var rows = await (from k in Db.BenefitLinks
                          join h in Db.Households on k.HouseholdId equals h.Id
                          where k.SupplierId == supplierId
                          orderby k.ProposedAt descending
                          select new { h.HeadName, h.Village, k.Kind, k.Weight, k.Status, k.RejectionReason, k.StartsOn, k.EndsOn }).ToListAsync(ct);
        // Suppliers see households by masked name: the full record stays with the county.
        Rows = rows.Select(r => new Row(Household.MaskName(r.HeadName), r.Village, r.Kind, r.Weight, r.Status, r.RejectionReason, r.StartsOn, r.EndsOn)).ToList();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var supplierId = await MySupplierIdAsync(ct);
        if (supplierId == Guid.Empty) return NotFound();
        await LoadAsync(supplierId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await MySupplierAsync(ct) is not { } supplier) return NotFound();
        await LoadAsync(supplier.Id, ct);
        if (!supplier.CanSell) ModelState.AddModelError(string.Empty, l["Links can be proposed once the supplier is approved."]);
        var card = Input.CardCode.Trim().ToUpperInvariant();
        var household = await Db.Households.SingleOrDefaultAsync(h => h.CardCode == card && h.CountyCode == supplier.CountyCode, ct);
        if (household is null) ModelState.AddModelError("Input.CardCode", l["No household of your county has this card code."]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var link = new BenefitLink(supplier.Id, household!.Id, Input.Kind, Input.Weight, Input.StartsOn, Input.EndsOn, DateTimeOffset.UtcNow);
            Db.BenefitLinks.Add(link);
            Db.Publish(new BenefitLinkProposed(link.Id, supplier.Id, supplier.CountyCode, supplier.LegalName));
            Db.Audit(AuditEntry.Record(Me, "Audit.LinkProposed", nameof(BenefitLink), link.Id, supplier.CountyCode,
                after: new { Supplier = supplier.LegalName, Household = household.HeadName, link.Kind, link.Weight }));
            await Db.SaveChangesAsync(ct);
            StatusMessage = l["The link was sent to the county for confirmation."];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return Page();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            ModelState.AddModelError(string.Empty, l["This household already has this kind of link with you."]);
            return Page();
        }
    }
}
