using AidMarket.Domain.Organizations;
using AidMarket.Web.Hosting;
using AidMarket.Web.Pages.Shared;

namespace AidMarket.Web.Pages.OrganizationMembers;

/// <summary>An organization's own admin manages its members: always the signed-in user's organization.</summary>
public class MembersModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, PublicUrls urls)
    : MembersPageModel(db, me, l, urls)
{
    protected override Task<Organization?> FindOrganizationAsync(CancellationToken ct) =>
        Db.Organizations.SingleOrDefaultAsync(o => o.Id == Me.OrganizationId, ct);
}
