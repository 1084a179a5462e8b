using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer.Orders;

/// <summary>验收: the receiver records what arrived of one supplier order; accepted quantities are what will be paid.</summary>
public class ReceiveModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = "Accepted")] public Dictionary<Guid, int> Accepted { get; set; } = [];
    [BindProperty(Name = "Rejected")] public Dictionary<Guid, int> Rejected { get; set; } = [];
    [BindProperty(Name = "Reasons")] public Dictionary<Guid, string?> Reasons { get; set; } = [];
    public SupplierOrder Order { get; private set; } = null!;
    public string SupplierName { get; private set; } = "";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.SupplierOrders.SingleOrDefaultAsync(s => s.Id == Id && s.BuyerOrganizationId == me.OrganizationId, ct) is not { } order) return false;
        Order = order;
        SupplierName = await db.Suppliers.Where(s => s.Id == order.SupplierId).Select(s => s.LegalName).SingleAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return me.Is(OrganizationKind.Buyer, OrganizationRole.Receiver) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!me.Is(OrganizationKind.Buyer, OrganizationRole.Receiver)) return Forbid();
        AcceptanceRecord? record = null;
        var error = await Decisions.TryAsync(db, l, async () =>
        {
            var now = DateTimeOffset.UtcNow;
            var received = Order.Lines.Where(x => x.AwaitingAcceptance > 0).ToDictionary(x => x.ProductId,
                x => (Accepted.GetValueOrDefault(x.ProductId), Rejected.GetValueOrDefault(x.ProductId), Reasons.GetValueOrDefault(x.ProductId)));
            Order.Receive(received, now);
            record = new AcceptanceRecord(Order, me.UserId!, Order.Lines.Where(x => received.ContainsKey(x.ProductId)).Select(x =>
                new AcceptanceLine(x.ProductId, x.ProductName, x.Unit, received[x.ProductId].Item1, received[x.ProductId].Item2, received[x.ProductId].Item3)).ToList(), now);
            db.AcceptanceRecords.Add(record);
            db.Publish(new SupplierOrderChanged(Order.Id, Order.OrderId, Order.OrderNumber, Order.SupplierId, Order.BuyerOrganizationId,
                Order.Status == SupplierOrderStatus.Accepted ? "Accepted" : "PartlyAccepted"));
            await Payments.Invoicing.IssueIfAcceptedAsync(db, Order, now, ct);
        }, ct);
        if (error is null) return RedirectToPage("AcceptanceForm", new { id = record!.Id });
        ModelState.AddModelError(string.Empty, error);
        await LoadAsync(ct);
        return Page();
    }
}
