using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;

namespace AidMarket.Web.Pages.SupplierDesk.Products;

/// <summary>Records a production lot with how much each linked household supplied: income from it is later split by these quantities.</summary>
public class LotModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : SupplierPageModel(db, me)
{
    public sealed record Candidate(Guid HouseholdId, string MaskedName, string Village);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty, Required(ErrorMessage = "Please enter {0}."), StringLength(50, ErrorMessage = "{0} is too long."), Display(Name = "Lot number")]
    public string LotCode { get; set; } = "";
    [BindProperty, Display(Name = "Produced on")] public DateOnly ProducedOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);
    [BindProperty(Name = "Quantities")] public Dictionary<Guid, decimal?> Quantities { get; set; } = [];
    public Product Product { get; private set; } = null!;
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    private async Task<Guid?> LoadAsync(CancellationToken ct)
    {
        // Lots decide how income is split: only an approved (not suspended) supplier records them.
        if (await MySupplierAsync(ct) is not { CanSell: true } supplier) return null;
        var supplierId = supplier.Id;
        if (await Db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id && p.SupplierId == supplierId, ct) is not { } product) return null;
        Product = product;
        var rows = await (from k in Db.BenefitLinks
                          join h in Db.Households on k.HouseholdId equals h.Id
                          where k.SupplierId == supplierId && k.Status == LinkStatus.Confirmed && k.StartsOn <= ProducedOn
                                && (k.EndsOn == null || k.EndsOn >= ProducedOn)
                          select new { h.Id, h.HeadName, h.Village }).Distinct().ToListAsync(ct);
        Candidates = rows.OrderBy(r => r.Village).Select(r => new Candidate(r.Id, Household.MaskName(r.HeadName), r.Village)).ToList();
        return supplierId;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } supplierId) return NotFound();
        var chosen = Quantities.Where(q => q.Value is not null).ToList();
        if (chosen.Any(q => Candidates.All(c => c.HouseholdId != q.Key)))
            ModelState.AddModelError(string.Empty, l["Only households with a confirmed link to you on the production date can supply a lot."]);
        if (await Db.ProductLots.AnyAsync(x => x.ProductId == Id && x.LotCode == LotCode.Trim(), ct))
            ModelState.AddModelError(nameof(LotCode), l["This lot number is already recorded for the product."]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var lot = new ProductLot(Id, supplierId, LotCode, ProducedOn, chosen.Select(q => new LotContribution(q.Key, q.Value!.Value)).ToList(),
                DateTimeOffset.UtcNow);
            Db.ProductLots.Add(lot);
            Db.Audit(AuditEntry.Record(Me, "Audit.LotRecorded", nameof(Product), Id, Product.CountyCode,
                after: new { Product = Product.NameZh, lot.LotCode, Households = lot.Contributions.Count.ToString() }));
            await Db.SaveChangesAsync(ct);
            return RedirectToPage("Details", new { id = Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return Page();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            ModelState.AddModelError(nameof(LotCode), l["This lot number is already recorded for the product."]);
            return Page();
        }
    }
}
