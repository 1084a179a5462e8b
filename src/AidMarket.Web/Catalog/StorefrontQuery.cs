using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;

namespace AidMarket.Web.Catalog;

public enum StorefrontSort { Relevance, PriceLow, PriceHigh, Newest }

/// <summary>What a visitor asked the storefront for; every field is a query-string parameter, so result pages have stable URLs.</summary>
public sealed record StorefrontFilter(string? Q, string? County, string? Category, QualityLabelKind? Label, SupplierKind? Kind, bool Paired,
    StorefrontSort Sort, int Page);

/// <summary>A product on sale with what the storefront shows beside it. Built by member initialization so EF can keep composing the query.</summary>
public sealed class StorefrontRow
{
    public required Product Product { get; init; }
    public required Guid SupplierId { get; init; }
    public required string SupplierName { get; init; }
    public required SupplierKind SupplierKind { get; init; }
    public required string CountyName { get; init; }
}

/// <summary>The storefront's one rule, in one place: certified, unexpired products of approved suppliers.</summary>
public static class StorefrontQuery
{
    public const int PageSize = 24;

    public static IQueryable<StorefrontRow> OnSale(AidMarketDbContext db, DateOnly today) =>
        from product in db.Products.AsNoTracking()
        join supplier in db.Suppliers on product.SupplierId equals supplier.Id
        join county in db.Counties on product.CountyCode equals county.Code
        where product.CertificationStatus == CertificationStatus.Certified && product.CertificateExpiresOn > today
              && supplier.Status == SupplierStatus.Approved
        select new StorefrontRow
        {
            Product = product, SupplierId = supplier.Id, SupplierName = supplier.LegalName, SupplierKind = supplier.Kind, CountyName = county.Name,
        };

    /// <summary>The counties paired with the user's partner district (东西部协作), or none for other users.</summary>
    public static async Task<IReadOnlyList<string>> PairedCountiesAsync(AidMarketDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (me.Kind != OrganizationKind.PartnerDistrict || me.OrganizationId is null) return [];
        return await (from o in db.Organizations
                      join p in db.PartnerPairings on o.PartnerDistrictName equals p.DistrictName
                      where o.Id == me.OrganizationId
                      select p.CountyCode).ToListAsync(ct);
    }

    public static async Task<(IReadOnlyList<StorefrontRow> Rows, int Total)> SearchAsync(AidMarketDbContext db, StorefrontFilter f,
        IReadOnlyList<string> pairedCounties, DateOnly today, CancellationToken ct)
    {
        var query = OnSale(db, today);
        var q = f.Q?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            var lower = q.ToLowerInvariant();
            query = query.Where(r => r.Product.NameZh.Contains(q) || (r.Product.NameEn != null && r.Product.NameEn.ToLower().Contains(lower)));
        }
        if (!string.IsNullOrEmpty(f.County)) query = query.Where(r => r.Product.CountyCode == f.County);
        if (!string.IsNullOrEmpty(f.Category)) query = query.Where(r => r.Product.Category == f.Category);
        if (f.Kind is { } kind) query = query.Where(r => r.SupplierKind == kind);
        if (f.Label is { } label) query = query.Where(r => r.Product.QualityLabels.Any(l => l.Kind == label));
        if (f.Paired) query = query.Where(r => pairedCounties.Contains(r.Product.CountyCode));

        var total = await query.CountAsync(ct);
        var ordered = f.Sort switch
        {
            StorefrontSort.PriceLow => query.OrderBy(r => r.Product.BasePriceFen),
            StorefrontSort.PriceHigh => query.OrderByDescending(r => r.Product.BasePriceFen),
            StorefrontSort.Newest => query.OrderByDescending(r => r.Product.CertifiedOn).ThenByDescending(r => r.Product.CreatedAt),
            // Relevance: names that start with the words first, then the closest (shortest) names.
            _ when !string.IsNullOrEmpty(q) => query.OrderBy(r => r.Product.NameZh.StartsWith(q) ? 0 : 1).ThenBy(r => r.Product.NameZh.Length),
            _ => query.OrderByDescending(r => r.Product.CertifiedOn).ThenByDescending(r => r.Product.CreatedAt),
        };
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await ordered.ThenBy(r => r.Product.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return (rows, total);
    }
}
