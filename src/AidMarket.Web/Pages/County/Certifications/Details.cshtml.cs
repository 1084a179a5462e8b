using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging.Contracts;
using SupplierEntity = AidMarket.Domain.Producers.Supplier;

namespace AidMarket.Web.Pages.CountyDesk.Certifications;

/// <summary>帮扶产品认定: the officer reviews a product beside its supplier's benefit plan, linked households and lots.</summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public sealed record LinkedHousehold(string HeadName, string Village, HouseholdStatus Status, LinkKind Kind, int Weight);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>Certificates are issued today: the officer cannot backdate one or choose its sequence year.</summary>
    public DateOnly IssuedOn { get; } = DateOnly.FromDateTime(DateTime.UtcNow);
    [BindProperty] public DateOnly ExpiresOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2);
    public Product Product { get; private set; } = null!;
    public SupplierEntity Supplier { get; private set; } = null!;
    public IReadOnlyList<LinkedHousehold> Households { get; private set; } = [];
    public IReadOnlyList<ProductLot> Lots { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await Db.Products.SingleOrDefaultAsync(p => p.Id == Id && p.CountyCode == County, ct) is not { } product) return false;
        Product = product;
        Supplier = await Db.Suppliers.Include(s => s.Plans).SingleAsync(s => s.Id == product.SupplierId, ct);
        Households = await (from k in Db.BenefitLinks
                            join h in Db.Households on k.HouseholdId equals h.Id
                            where k.SupplierId == Supplier.Id && k.Status == LinkStatus.Confirmed
                            orderby h.Village, h.HeadName
                            select new LinkedHousehold(h.HeadName, h.Village, h.Status, k.Kind, k.Weight)).ToListAsync(ct);
        Lots = await Db.ProductLots.AsNoTracking().Where(x => x.ProductId == Id).OrderByDescending(x => x.ProducedOn).Take(20).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCertifyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!Supplier.CanSell)
        {
            ModelState.AddModelError(string.Empty, L["The supplier is not approved; its products cannot be certified."]);
            return Page();
        }
        // The sequence row stays locked until commit: two officers certifying at once get consecutive numbers, no gaps on failure.
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        return await DecideAsync(async () =>
        {
            var number = await CertificateNumbers.NextAsync(Db, County, IssuedOn.Year, ct);
            Product.Certify(number, IssuedOn, ExpiresOn);
            Record("Audit.ProductCertified", "Certified");
            await Db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }, "The product is certified and on the storefront.", () => RedisplayAsync(ct), ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await DecideAsync(() =>
        {
            Product.RejectCertification(Reason ?? "");
            Record("Audit.CertificationRejected", "Rejected");
            return Task.CompletedTask;
        }, "The application is rejected.", () => RedisplayAsync(ct), ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await DecideAsync(() =>
        {
            Product.Revoke(Reason ?? "");
            Record("Audit.CertificationRevoked", "Revoked");
            return Task.CompletedTask;
        }, "The certification is revoked; the product has left the storefront.", () => RedisplayAsync(ct), ct);
    }

    private void Record(string action, string change)
    {
        Db.Publish(new CertificationChanged(Product.Id, Supplier.OrganizationId, Product.NameZh, change, Product.CertificateNumber,
            Product.CertificateExpiresOn, Product.CertificationReason));
        Db.Audit(AuditEntry.Record(Me, action, nameof(Product), Product.Id, County, null,
            new { Product = Product.NameZh, Status = Product.CertificationStatus.ToString(), Product.CertificateNumber, ExpiresOn = Product.CertificateExpiresOn?.ToString("yyyy-MM-dd") },
            Product.CertificationReason));
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();
}
