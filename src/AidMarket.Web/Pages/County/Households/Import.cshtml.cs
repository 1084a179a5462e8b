using AidMarket.Domain.Organizations;
using AidMarket.Web.Imports;

namespace AidMarket.Web.Pages.CountyDesk.Households;

public class ImportModel(AidMarketDbContext db, CurrentUser me, ImportQueue queue, IEnumerable<IImporter> importers, IStringLocalizer<SharedResource> l)
    : ImportPageModel(db, me, queue, importers, l)
{
    protected override ImportKind Kind => ImportKind.Households;
    protected override string TemplateName => "households-template";
    protected override Task<(bool, Guid?)> AllowedAsync(CancellationToken ct) => Task.FromResult((Me.OfficerCounty is not null, (Guid?)null));
}
