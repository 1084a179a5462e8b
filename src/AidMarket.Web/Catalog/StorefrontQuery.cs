using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;

namespace AidMarket.Web.Catalog;

/// <summary>A product on sale with what the storefront shows beside it. Built by member initialization so EF can keep composing the query.</summary>
public sealed class StorefrontRow
{
    public required Product Product { get; init; }
    public required Guid SupplierId { get; init; }
    public required string SupplierName { get; init; }
    public required SupplierKind SupplierKind { get; init; }
    public required string CountyName { get; init; }
}

/// <summary>The storefront: products on sale (Product.IsOnSaleOn, restated here in LINQ and in SQL), searched and paged.</summary>
public static class StorefrontQuery
{
    public const int PageSize = 24;

    /// <summary>The products on sale on <paramref name="today"/>: Product.IsOnSaleOn as a query. <see cref="OnSaleSql"/> says the same.</summary>
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

    /// <summary>
    /// <see cref="OnSale"/>'s condition in SQL, for placement's plain statements: the product aliased p, its supplier s, the day in
    /// parameter $<paramref name="day"/>. OnSaleRuleTests checks that it, <see cref="OnSale"/> and Product.IsOnSaleOn agree.
    /// </summary>
    public static string OnSaleSql(int day) =>
        $"s.status = '{nameof(SupplierStatus.Approved)}' AND p.certification_status = '{nameof(CertificationStatus.Certified)}' AND p.certificate_expires_on > ${day}";

    /// <summary>The counties paired with the user's partner district (东西部协作), or none for other users.</summary>
    public static async Task<IReadOnlyList<string>> PairedCountiesAsync(AidMarketDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (me.Kind != OrganizationKind.PartnerDistrict || me.OrganizationId is null) return [];
        return await (from o in db.Organizations
                      join p in db.PartnerPairings on o.PartnerDistrictName equals p.DistrictName
                      where o.Id == me.OrganizationId
                      select p.CountyCode).ToListAsync(ct);
    }

    /// <summary>How many pages of ids a cached head keeps; later pages are read directly.</summary>
    public const int HeadPages = 10;

    public static async Task<(IReadOnlyList<StorefrontRow> Rows, int Total)> SearchAsync(AidMarketDbContext db, StorefrontCache cache, StorefrontFilter f,
        IReadOnlyList<string> pairedCounties, DateOnly today, CancellationToken ct) =>
        await SearchAsync(db, cache, await StorefrontCache.VersionAsync(db, ct), f, pairedCounties, today, ct);

    /// <summary>A storefront page: its products, their total and the filter menus, all at one catalog version.</summary>
    public static async Task<(IReadOnlyList<StorefrontRow> Rows, int Total, StorefrontFacets Facets)> PageAsync(AidMarketDbContext db,
        StorefrontCache cache, StorefrontFilter f, IReadOnlyList<string> pairedCounties, DateOnly today, CancellationToken ct)
    {
        var version = await StorefrontCache.VersionAsync(db, ct);
        var (rows, total) = await SearchAsync(db, cache, version, f, pairedCounties, today, ct);
        var facets = await cache.FacetsAsync(version, today, async () => new StorefrontFacets(
            await db.Counties.AsNoTracking().OrderBy(c => c.Code).ToListAsync(CancellationToken.None),
            await OnSale(db, today).Select(r => r.Product.Category).Distinct().OrderBy(c => c).ToListAsync(CancellationToken.None)));
        return (rows, total, facets);
    }

    private static async Task<(IReadOnlyList<StorefrontRow> Rows, int Total)> SearchAsync(AidMarketDbContext db, StorefrontCache cache, Guid version,
        StorefrontFilter f, IReadOnlyList<string> pairedCounties, DateOnly today, CancellationToken ct)
    {
        var ordered = Ordered(db, f, pairedCounties, today);
        // Shared by every visitor asking the same, so CancellationToken.None: one visitor leaving does not fail the others.
        var head = await cache.HeadAsync(version, f, pairedCounties, today, async () => new StorefrontHead(
            await ordered.CountAsync(CancellationToken.None),
            await ordered.Select(r => r.Product.Id).Take(HeadPages * PageSize).ToListAsync(CancellationToken.None)));
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (head.Total + PageSize - 1) / PageSize));
        if (page > HeadPages)
            return (await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct), head.Total);
        var ids = head.Ids.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        // Read fresh: a product that left the storefront since the head was built is simply not shown.
        var rows = await OnSale(db, today).Where(r => ids.Contains(r.Product.Id)).ToDictionaryAsync(r => r.Product.Id, ct);
        return (ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), head.Total);
    }

    /// <summary>The products a filter matches, in the order asked for (id last, so pages never overlap).</summary>
    private static IQueryable<StorefrontRow> Ordered(AidMarketDbContext db, StorefrontFilter f, IReadOnlyList<string> pairedCounties, DateOnly today)
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
        if (f.Label is { } label)
        {
            var withLabel = $"[{{\"Kind\":\"{label}\"}}]";
            query = query.Where(r => EF.Functions.JsonContains(EF.Property<List<QualityLabel>>(r.Product, "_labels"), withLabel));
        }
        if (f.Paired) query = query.Where(r => pairedCounties.Contains(r.Product.CountyCode));

        var ordered = f.Sort switch
        {
            StorefrontSort.PriceLow => query.OrderBy(r => r.Product.BasePrice),
            StorefrontSort.PriceHigh => query.OrderByDescending(r => r.Product.BasePrice),
            StorefrontSort.Newest => query.OrderByDescending(r => r.Product.CertifiedOn).ThenByDescending(r => r.Product.CreatedAt),
            // Relevance: names that start with the words first, then the closest (shortest) names.
            _ when !string.IsNullOrEmpty(q) => query.OrderBy(r => r.Product.NameZh.StartsWith(q) ? 0 : 1).ThenBy(r => r.Product.NameZh.Length),
            _ => query.OrderByDescending(r => r.Product.CertifiedOn).ThenByDescending(r => r.Product.CreatedAt),
        };
        return ordered.ThenBy(r => r.Product.Id);
    }
}
