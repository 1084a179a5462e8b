using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging.Contracts;
using SupplierEntity = AidMarket.Domain.Producers.Supplier;

namespace AidMarket.Web.Pages.CountyDesk.Suppliers;

/// <summary>The officer reviews one supplier of the county: registration, suspension, and changes to its benefit plan.</summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public sealed record LinkedHousehold(Guid HouseholdId, string HeadName, string Village, HouseholdStatus Status, LinkKind Kind, int Weight);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public SupplierEntity Supplier { get; private set; } = null!;
    public IReadOnlyList<LinkedHousehold> Households { get; private set; } = [];

    private async Task<SupplierEntity?> FindAsync(CancellationToken ct) =>
        await Db.Suppliers.Include(s => s.Plans).SingleOrDefaultAsync(s => s.Id == Id && s.CountyCode == County, ct);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } supplier) return NotFound();
        Supplier = supplier;
        Households = await (from k in Db.BenefitLinks
                            join h in Db.Households on k.HouseholdId equals h.Id
                            where k.SupplierId == supplier.Id && k.Status == LinkStatus.Confirmed
                            orderby h.Village, h.HeadName
                            select new LinkedHousehold(h.Id, h.HeadName, h.Village, h.Status, k.Kind, k.Weight)).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    private async Task<IActionResult> ReviewAsync(string action, Action<SupplierEntity, DateTimeOffset> change, string decision, string done, CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } supplier) return NotFound();
        return await DecideAsync(() =>
        {
            var before = supplier.Status;
            change(supplier, DateTimeOffset.UtcNow);
            Db.Publish(new SupplierReviewed(supplier.Id, supplier.OrganizationId, supplier.LegalName, decision, supplier.StatusReason));
            Db.Audit(AuditEntry.Record(Me, action, nameof(SupplierEntity), supplier.Id, supplier.CountyCode,
                new { Status = before.ToString() }, new { Status = supplier.Status.ToString() }, supplier.StatusReason));
            return Task.CompletedTask;
        }, done, () => ShowAsync(ct), ct);
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        ReviewAsync("Audit.SupplierApproved", (s, now) => s.Approve(now), "Approved", "The supplier is approved and can now sell.", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        ReviewAsync("Audit.SupplierRejected", (s, now) => s.Reject(Reason ?? "", now), "Rejected", "The registration is rejected.", ct);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken ct) =>
        ReviewAsync("Audit.SupplierSuspended", (s, now) => s.Suspend(Reason ?? "", now), "Suspended", "The supplier is suspended.", ct);

    public Task<IActionResult> OnPostReinstateAsync(CancellationToken ct) =>
        ReviewAsync("Audit.SupplierReinstated", (s, now) => s.Reinstate(now), "Reinstated", "The supplier is reinstated.", ct);

    public async Task<IActionResult> OnPostApprovePlanAsync(Guid planId, CancellationToken ct) => await ReviewPlanAsync(planId, approve: true, ct);

    public async Task<IActionResult> OnPostRejectPlanAsync(Guid planId, CancellationToken ct) => await ReviewPlanAsync(planId, approve: false, ct);

    private async Task<IActionResult> ReviewPlanAsync(Guid planId, bool approve, CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } supplier) return NotFound();
        return await DecideAsync(() =>
        {
            var previous = supplier.CurrentPlan;
            if (approve) supplier.ApprovePlan(planId, DateTimeOffset.UtcNow);
            else supplier.RejectPlan(planId, Reason ?? "");
            var plan = supplier.Plans.Single(p => p.Id == planId);
            Db.Publish(new BenefitPlanReviewed(supplier.Id, supplier.OrganizationId, planId, approve, plan.RejectionReason));
            Db.Audit(AuditEntry.Record(Me, approve ? "Audit.PlanApproved" : "Audit.PlanRejected", nameof(BenefitPlan), planId, supplier.CountyCode,
                previous is null ? null : new { Share = previous.HouseholdSharePercent, Version = previous.Version },
                new { Share = plan.HouseholdSharePercent, plan.Version, Status = plan.Status.ToString() }, plan.RejectionReason));
            return Task.CompletedTask;
        }, approve ? "The changed plan is in force from now." : "The changed plan is rejected; the current plan stays in force.", () => ShowAsync(ct), ct);
    }
}
