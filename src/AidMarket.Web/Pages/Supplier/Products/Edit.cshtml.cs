using AidMarket.Domain.Catalog;
using AidMarket.Web.Catalog;

namespace AidMarket.Web.Pages.SupplierDesk.Products;

public class EditModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : SupplierPageModel(db, me)
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ProductForm Input { get; set; } = new();
    public Product? Existing { get; private set; }

    /// <summary>The supplier's own product (or none for a new one); false when the id is not theirs or they may not sell.</summary>
    private async Task<(bool Found, Guid SupplierId, string County)> LoadAsync(CancellationToken ct)
    {
        if (await MySupplierAsync(ct) is not { CanSell: true } supplier) return (false, default, "");
        if (Id is null) return (true, supplier.Id, supplier.CountyCode);
        Existing = await Db.Products.SingleOrDefaultAsync(p => p.Id == Id && p.SupplierId == supplier.Id, ct);
        return (Existing is not null, supplier.Id, supplier.CountyCode);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await LoadAsync(ct)).Found) return NotFound();
        if (Existing is not null) Input = ProductForm.From(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (found, supplierId, county) = await LoadAsync(ct);
        if (!found) return NotFound();
        Input.WithAllRows();
        if (!ProductChoices.Categories.Contains(Input.Category)) ModelState.AddModelError("Input.Category", l["Please choose a category from the list."]);
        if (!ProductChoices.Units.Contains(Input.Unit)) ModelState.AddModelError("Input.Unit", l["Please choose a unit from the list."]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var details = Input.ToDetails();
            var product = Existing;
            if (product is null)
            {
                product = new Product(supplierId, county, details, DateTimeOffset.UtcNow);
                Db.Products.Add(product);
            }
            else product.Update(details);
            await Db.SaveChangesAsync(ct);
            return RedirectToPage("Details", new { id = product.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ProductForm.FieldFor(ex.Code), l.Error(ex));
            return Page();
        }
    }
}
