using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages;

/// <summary>The storefront: certified, unexpired products of approved suppliers.</summary>
public class IndexModel(AidMarketDbContext db) : PageModel
{
    public const int PageSize = 24;

    public sealed record Row(Product Product, string SupplierName, SupplierKind SupplierKind, string CountyName);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int p = 1, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var onSale =
            from product in db.Products.AsNoTracking()
            join supplier in db.Suppliers on product.SupplierId equals supplier.Id
            join county in db.Counties on product.CountyCode equals county.Code
            where product.CertificationStatus == CertificationStatus.Certified && product.CertificateExpiresOn > today
                  && supplier.Status == SupplierStatus.Approved
            select new { product, supplier.LegalName, supplier.Kind, county.Name };

        Total = await onSale.CountAsync(ct);
        PageNumber = Math.Clamp(p, 1, PageCount);
        var page = await onSale.OrderByDescending(x => x.product.CreatedAt).ThenBy(x => x.product.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Rows = page.Select(x => new Row(x.product, x.LegalName, x.Kind, x.Name)).ToList();
    }
}
