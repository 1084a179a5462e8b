using AidMarket.Domain.Procurement;
using AidMarket.Web.Procurement;

namespace AidMarket.Web.Pages.SupplierDesk;

public class AgreementsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : AgreementPageModel(db, l)
{
    protected override bool IsSupplier => true;
    protected override bool MayDecide => true;

    protected override async Task<IQueryable<StandingAgreement>?> MineAsync(CancellationToken ct)
    {
        var supplierId = await Db.Suppliers.Where(s => s.OrganizationId == me.OrganizationId).Select(s => s.Id).SingleOrDefaultAsync(ct);
        return supplierId == Guid.Empty ? null : Db.StandingAgreements.Where(a => a.SupplierId == supplierId);
    }

    protected override async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyList<StandingAgreement> agreements, CancellationToken ct)
    {
        var ids = agreements.Select(a => a.BuyerOrganizationId).Distinct().ToList();
        var names = await Db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return agreements.ToDictionary(a => a.Id, a => names[a.BuyerOrganizationId]);
    }
}
