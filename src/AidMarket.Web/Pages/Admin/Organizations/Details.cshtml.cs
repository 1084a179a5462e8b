using AidMarket.Web.Hosting;
using AidMarket.Web.Pages.Shared;

namespace AidMarket.Web.Pages.Admin.Organizations;

/// <summary>The platform admin manages any organization's members (the folder is restricted to platform admins).</summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, PublicUrls urls)
    : MembersPageModel(db, me, l, urls)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    protected override Task<AidMarket.Domain.Organizations.Organization?> FindOrganizationAsync(CancellationToken ct) =>
        Me.IsPlatformAdmin ? Db.Organizations.SingleOrDefaultAsync(o => o.Id == Id, ct) : Task.FromResult<AidMarket.Domain.Organizations.Organization?>(null);
}
