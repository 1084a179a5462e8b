using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Pages.CountyDesk.Links;

/// <summary>Links proposed by the county's suppliers, waiting for an officer to confirm or reject them.</summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public sealed record Row(Guid Id, string SupplierName, Guid HouseholdId, string HeadName, string Village, HouseholdStatus HouseholdStatus,
        LinkKind Kind, int Weight, DateOnly StartsOn, DateOnly? EndsOn);

    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Rows = await (from k in Db.BenefitLinks
                      join s in Db.Suppliers on k.SupplierId equals s.Id
                      join h in Db.Households on k.HouseholdId equals h.Id
                      where s.CountyCode == County && k.Status == LinkStatus.Proposed
                      orderby k.ProposedAt
                      select new Row(k.Id, s.LegalName, h.Id, h.HeadName, h.Village, h.Status, k.Kind, k.Weight, k.StartsOn, k.EndsOn)).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostConfirmAsync(Guid linkId, CancellationToken ct) => DecideLinkAsync(linkId, confirm: true, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid linkId, CancellationToken ct) => DecideLinkAsync(linkId, confirm: false, ct);

    private async Task<IActionResult> DecideLinkAsync(Guid linkId, bool confirm, CancellationToken ct)
    {
        var found = await (from k in Db.BenefitLinks
                           join s in Db.Suppliers on k.SupplierId equals s.Id
                           where k.Id == linkId && s.CountyCode == County
                           select new { Link = k, s.OrganizationId }).SingleOrDefaultAsync(ct);
        if (found is null) return NotFound();
        return await DecideAsync(() =>
        {
            var now = DateTimeOffset.UtcNow;
            if (confirm) found.Link.Confirm(now);
            else found.Link.Reject(Reason ?? "", now);
            Db.Publish(new BenefitLinkReviewed(linkId, found.OrganizationId, confirm, found.Link.RejectionReason));
            Db.Audit(AuditEntry.Record(Me, confirm ? "Audit.LinkConfirmed" : "Audit.LinkRejected", nameof(BenefitLink), linkId, County,
                new { Status = nameof(LinkStatus.Proposed) }, new { Status = found.Link.Status.ToString() }, found.Link.RejectionReason));
            return Task.CompletedTask;
        }, confirm ? "The link is confirmed." : "The link is rejected.", () => ShowAsync(ct), ct);
    }
}
