using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Catalog;
using AidMarket.Web.Messaging.Contracts;
using SupplierEntity = AidMarket.Domain.Producers.Supplier;

namespace AidMarket.Web.Pages.SupplierDesk.Products;

public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, ProductImageStore images)
    : SupplierPageModel(db, me)
{
    public sealed record LotRow(ProductLot Lot, IReadOnlyList<(string MaskedName, decimal Quantity)> Households);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Product Product { get; private set; } = null!;
    public SupplierEntity Supplier { get; private set; } = null!;
    public IReadOnlyList<LotRow> Lots { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await MySupplierAsync(ct) is not { } supplier) return false;
        if (await Db.Products.SingleOrDefaultAsync(p => p.Id == Id && p.SupplierId == supplier.Id, ct) is not { } product) return false;
        Supplier = supplier;
        Product = product;
        var lots = await Db.ProductLots.AsNoTracking().Where(x => x.ProductId == Id).OrderByDescending(x => x.ProducedOn).ToListAsync(ct);
        var ids = lots.SelectMany(x => x.Contributions.Select(c => c.HouseholdId)).Distinct().ToList();
        var names = await Db.Households.Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HeadName, ct);
        Lots = lots.Select(x => new LotRow(x, x.Contributions.Select(c => (Household.MaskName(names[c.HouseholdId]), c.Quantity)).ToList())).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await SaveAsync(() =>
        {
            if (!Supplier.CanSell) throw new DomainException("Supplier.NotApproved", "Only an approved supplier can apply.");
            Product.ApplyForCertification(DateTimeOffset.UtcNow);
            Db.Publish(new CertificationRequested(Product.Id, Product.CountyCode, Product.NameZh, Supplier.LegalName));
            Db.Audit(AuditEntry.Record(Me, "Audit.CertificationRequested", nameof(Product), Product.Id, Product.CountyCode,
                after: new { Product = Product.NameZh }));
        }, "The application was sent to the county.", ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? image, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (image is null)
        {
            ModelState.AddModelError("image", l["Choose an image file."]);
            return Page();
        }
        try
        {
            if (Product.Images.Count >= Product.MaxImages)
                throw new DomainException("Product.TooManyImages", $"A product has at most {Product.MaxImages} images.");
            await using var stream = image.OpenReadStream();
            var stored = await images.SaveAsync(stream, image.Length, ct);
            Product.AddImage(stored);
            await Db.SaveChangesAsync(ct);
            StatusMessage = l["The image was added."];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("image", l.Error(ex));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveImageAsync(string fileName, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Product.Images.All(i => i.FileName != fileName)) return NotFound();
        var removed = Product.RemoveImage(fileName);
        await Db.SaveChangesAsync(ct);
        images.Delete(removed.FileName);
        return RedirectToPage();
    }

    private async Task<IActionResult> SaveAsync(Action change, string done, CancellationToken ct)
    {
        try
        {
            change();
            await Db.SaveChangesAsync(ct);
            StatusMessage = l[done];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return Page();
        }
    }
}
