using AidMarket.Web.Imports;

namespace AidMarket.Web.Pages.SupplierDesk.Products;

public class ImportModel(AidMarketDbContext db, CurrentUser me, ImportQueue queue, IEnumerable<IImporter> importers, IStringLocalizer<SharedResource> l)
    : ImportPageModel(db, me, queue, importers, l)
{
    protected override ImportKind Kind => ImportKind.Products;
    protected override string TemplateName => "products-template";

    protected override async Task<(bool, Guid?)> AllowedAsync(CancellationToken ct)
    {
        var supplier = await Db.Suppliers.Where(s => s.OrganizationId == Me.OrganizationId).Select(s => new { s.Id, s.Status }).SingleOrDefaultAsync(ct);
        return (supplier is { Status: Domain.Producers.SupplierStatus.Approved }, supplier?.Id);
    }
}
