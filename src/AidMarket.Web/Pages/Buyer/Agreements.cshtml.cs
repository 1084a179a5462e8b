using AidMarket.Domain.Procurement;
using AidMarket.Web.Procurement;

namespace AidMarket.Web.Pages.Buyer;

public class AgreementsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : AgreementPageModel(db, l)
{
    protected override bool IsSupplier => false;
    protected override bool MayDecide => me.IsPurchaser || me.Is(Domain.Organizations.OrganizationKind.Buyer, Domain.Organizations.OrganizationRole.Admin);

    protected override Task<IQueryable<StandingAgreement>?> MineAsync(CancellationToken ct) =>
        Task.FromResult<IQueryable<StandingAgreement>?>(Db.StandingAgreements.Where(a => a.BuyerOrganizationId == me.OrganizationId));

    protected override async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyList<StandingAgreement> agreements, CancellationToken ct)
    {
        var ids = agreements.Select(a => a.SupplierId).Distinct().ToList();
        var names = await Db.Suppliers.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.LegalName, ct);
        return agreements.ToDictionary(a => a.Id, a => names[a.SupplierId]);
    }
}
