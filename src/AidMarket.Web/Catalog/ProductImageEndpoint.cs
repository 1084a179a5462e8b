using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Catalog;

public static class ProductImageEndpoint
{
    /// <summary>
    /// GET /products/{id}/images/{file}: public while the product is on sale; before that only its supplier and
    /// the officers of its county see it. Anyone else gets 404.
    /// </summary>
    public static void MapProductImages(this IEndpointRouteBuilder app) =>
        app.MapGet("/products/{productId:guid}/images/{fileName}", async (Guid productId, string fileName, AidMarketDbContext db,
            CurrentUser me, ProductImageStore store, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var found = await (from p in db.Products.AsNoTracking()
                               join s in db.Suppliers on p.SupplierId equals s.Id
                               where p.Id == productId
                               select new { Product = p, s.OrganizationId, s.Status }).SingleOrDefaultAsync(ct);
            if (found is null) return Results.NotFound();
            var image = found.Product.Images.SingleOrDefault(i => i.FileName == fileName);
            var visible = found.Product.IsOnSaleOn(today, found.Status)
                          || me.OrganizationId == found.OrganizationId
                          || (me.Kind == OrganizationKind.County && me.CountyCode == found.Product.CountyCode);
            if (image is null || !visible || store.PathOf(image.FileName) is not { } path || !File.Exists(path)) return Results.NotFound();
            return Results.File(path, image.ContentType, enableRangeProcessing: false);
        });
}
