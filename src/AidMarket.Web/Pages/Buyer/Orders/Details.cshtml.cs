using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;
using AidMarket.Web.Procurement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer.Orders;

/// <summary>One purchase order of the user's organization: approval by someone other than the submitter, placement, cancellation.</summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record SupplierPart(SupplierOrder Order, string SupplierName)
    {
        public List<Shipment> Shipments { get; } = [];
        public List<AcceptanceRecord> Acceptances { get; } = [];
    }

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public PurchaseOrder Order { get; private set; } = null!;
    public IReadOnlyList<SupplierPart> Parts { get; private set; } = [];
    public string SubmittedBy { get; private set; } = "";
    public bool IsReceiver => me.Is(OrganizationKind.Buyer, OrganizationRole.Receiver);
    public bool CanApprove => me.Is(OrganizationKind.Buyer, OrganizationRole.Approver) && Order.NeedsApproval && Order.SubmittedByUserId != me.UserId;
    public bool CanCancel => (me.IsPurchaser || me.Is(OrganizationKind.Buyer, OrganizationRole.Admin))
                             && Order.Status is OrderStatus.AwaitingApproval or OrderStatus.Approved or OrderStatus.Placed && Parts.All(p => p.Order.CanCancel);
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.PurchaseOrders.SingleOrDefaultAsync(o => o.Id == Id && o.BuyerOrganizationId == me.OrganizationId, ct) is not { } order) return false;
        Order = order;
        Parts = await (from s in db.SupplierOrders
                       join sup in db.Suppliers on s.SupplierId equals sup.Id
                       where s.OrderId == Id
                       orderby sup.LegalName
                       select new SupplierPart(s, sup.LegalName)).ToListAsync(ct);
        var partIds = Parts.Select(p => p.Order.Id).ToList();
        foreach (var shipment in await db.Shipments.AsNoTracking().Where(x => partIds.Contains(x.SupplierOrderId)).OrderBy(x => x.ShippedAt).ToListAsync(ct))
            Parts.Single(p => p.Order.Id == shipment.SupplierOrderId).Shipments.Add(shipment);
        foreach (var record in await db.AcceptanceRecords.AsNoTracking().Where(x => partIds.Contains(x.SupplierOrderId)).OrderBy(x => x.RecordedAt).ToListAsync(ct))
            Parts.Single(p => p.Order.Id == record.SupplierOrderId).Acceptances.Add(record);
        SubmittedBy = await db.Users.Where(u => u.Id == order.SubmittedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync([FromServices] OrderPlacement placement, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!me.Is(OrganizationKind.Buyer, OrganizationRole.Approver)) return Forbid();
        return await PlacementAsync(() => placement.ApproveAsync(Order, me.UserId!, DateTimeOffset.UtcNow, ct),
            "The order is approved and placed with the suppliers.", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!me.Is(OrganizationKind.Buyer, OrganizationRole.Approver)) return Forbid();
        return await ChangeAsync(now =>
        {
            Order.Reject(me.UserId!, Reason ?? "", now);
            db.Publish(new PurchaseOrderReviewed(Order.Id, Order.BuyerOrganizationId, Order.Number, false, Order.RejectionReason, Order.SubmittedByUserId));
            return Task.CompletedTask;
        }, "The order is rejected.", ct);
    }

    public async Task<IActionResult> OnPostCancelAsync([FromServices] OrderPlacement placement, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!(me.IsPurchaser || me.Is(OrganizationKind.Buyer, OrganizationRole.Admin))) return Forbid();
        return await PlacementAsync(() => placement.CancelAsync(Order, ct), "The order is cancelled and its stock released.", ct);
    }

    /// <summary>Approval and cancellation move stock: OrderPlacement owns their transaction, so only its refusal is caught here.</summary>
    private Task<IActionResult> PlacementAsync(Func<Task> change, string done, CancellationToken ct) =>
        ShowAsync(async () =>
        {
            try
            {
                await change();
                return null;
            }
            catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
            {
                return ex is DomainException d ? l.Error(d) : l["Someone else changed this meanwhile. Nothing was saved; look at it again."];
            }
        }, done, ct);

    /// <summary>One transaction: the decision and its events commit together or not at all.</summary>
    private Task<IActionResult> ChangeAsync(Func<DateTimeOffset, Task> change, string done, CancellationToken ct) =>
        ShowAsync(() => Decisions.TryAsync(db, l, () => change(DateTimeOffset.UtcNow), ct), done, ct);

    /// <summary>Back to the order with <paramref name="done"/>, or the page again with the refusal <paramref name="attempt"/> returned.</summary>
    private async Task<IActionResult> ShowAsync(Func<Task<string?>> attempt, string done, CancellationToken ct)
    {
        if (await attempt() is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            await LoadAsync(ct);
            return Page();
        }
        StatusMessage = l[done];
        return RedirectToPage();
    }
}
