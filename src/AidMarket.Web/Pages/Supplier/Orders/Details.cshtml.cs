using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;
using AidMarket.Web.Procurement;

namespace AidMarket.Web.Pages.SupplierDesk.Orders;

/// <summary>The supplier's view of one of its orders: confirm or decline lines, then ship (partially) from production lots.</summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : SupplierPageModel(db, me)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>The products whose "decline" box was ticked, and the reasons typed beside the lines.</summary>
    [BindProperty(Name = "Declined")] public List<Guid> Declined { get; set; } = [];
    [BindProperty(Name = "Reasons")] public Dictionary<Guid, string?> Reasons { get; set; } = [];
    [BindProperty(Name = "Ship")] public Dictionary<Guid, int> Ship { get; set; } = [];
    [BindProperty(Name = "Lot")] public Dictionary<Guid, Guid> Lot { get; set; } = [];
    [BindProperty] public string? Carrier { get; set; }
    [BindProperty] public string? TrackingNumber { get; set; }
    public SupplierOrder Order { get; private set; } = null!;
    public string BuyerName { get; private set; } = "";
    public PurchaseOrder Purchase { get; private set; } = null!;
    public IReadOnlyList<Shipment> Shipments { get; private set; } = [];
    public IReadOnlyDictionary<Guid, List<ProductLot>> Lots { get; private set; } = new Dictionary<Guid, List<ProductLot>>();
    [TempData] public string? StatusMessage { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var supplierId = await MySupplierIdAsync(ct);
        if (await Db.SupplierOrders.SingleOrDefaultAsync(s => s.Id == Id && s.SupplierId == supplierId, ct) is not { } order) return false;
        Order = order;
        Purchase = await Db.PurchaseOrders.AsNoTracking().SingleAsync(o => o.Id == order.OrderId, ct);
        BuyerName = await Db.Organizations.Where(o => o.Id == order.BuyerOrganizationId).Select(o => o.Name).SingleAsync(ct);
        Shipments = await Db.Shipments.AsNoTracking().Where(s => s.SupplierOrderId == Id).OrderBy(s => s.ShippedAt).ToListAsync(ct);
        var productIds = order.Lines.Select(x => x.ProductId).ToList();
        Lots = (await Db.ProductLots.AsNoTracking().Where(x => productIds.Contains(x.ProductId) && x.SupplierId == supplierId)
                .OrderByDescending(x => x.ProducedOn).ToListAsync(ct))
            .GroupBy(x => x.ProductId).ToDictionary(g => g.Key, g => g.ToList());
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await ChangeAsync(async now =>
        {
            var declined = Order.Confirm(Declined.Distinct().ToDictionary(id => id, id => Reasons.GetValueOrDefault(id) ?? ""), now);
            await OrderPlacement.ReleaseAsync(Db, declined.Select(x => (x.ProductId, x.Quantity)), ct);
            Publish(Order.Status == SupplierOrderStatus.Declined ? "Declined" : "Confirmed");
        }, "The order is confirmed.", ct);
    }

    public async Task<IActionResult> OnPostShipAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        // Every supplier of a purchase order numbers its delivery notes after the same order: its part tells them apart.
        var suppliers = await Db.SupplierOrders.Where(s => s.OrderId == Order.OrderId).OrderBy(s => s.SupplierId).Select(s => s.SupplierId).ToListAsync(ct);
        return await ChangeAsync(now =>
        {
            var lines = Order.Lines.Where(x => Ship.GetValueOrDefault(x.ProductId) > 0).Select(x =>
            {
                var lot = Lot.TryGetValue(x.ProductId, out var lotId) ? Lots.GetValueOrDefault(x.ProductId)?.SingleOrDefault(y => y.Id == lotId) : null;
                if (Lot.ContainsKey(x.ProductId) && lot is null) throw new DomainException("Shipment.NoSuchLot", "Choose a lot of this product.");
                return new ShipmentLine(x.ProductId, x.ProductName, x.Unit, Ship[x.ProductId], lot?.Id, lot?.LotCode);
            }).ToList();
            var shipment = Order.Ship(lines, Carrier, TrackingNumber, now, suppliers.IndexOf(Order.SupplierId) + 1);
            Db.Shipments.Add(shipment);
            Publish("Shipped");
            return Task.CompletedTask;
        }, "The shipment is recorded. Print its delivery note below.", ct);
    }

    [BindProperty] public string? CloseReason { get; set; }

    public async Task<IActionResult> OnPostCloseRestAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await ChangeAsync(async now =>
        {
            var released = Order.CloseRest(CloseReason ?? "", now);
            await OrderPlacement.ReleaseAsync(Db, released, ct);
            Publish("Shipped");
            await AidMarket.Web.Payments.Invoicing.IssueIfAcceptedAsync(Db, Order, now, ct);
        }, "The rest is closed and its stock released.", ct);
    }

    private void Publish(string change) =>
        Db.Publish(new SupplierOrderChanged(Order.Id, Order.OrderId, Order.OrderNumber, Order.SupplierId, Order.BuyerOrganizationId, change));

    private async Task<IActionResult> ChangeAsync(Func<DateTimeOffset, Task> change, string done, CancellationToken ct)
    {
        if (await Decisions.TryAsync(Db, l, () => change(DateTimeOffset.UtcNow), ct) is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            await LoadAsync(ct);
            return Page();
        }
        StatusMessage = l[done];
        return RedirectToPage();
    }
}
