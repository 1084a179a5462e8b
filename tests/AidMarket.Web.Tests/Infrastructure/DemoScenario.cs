using AidMarket.Domain.Common;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Payments;
using AidMarket.Web.Tests.Procurement;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>The ids of one organization's records that pages take: an order through to its invoice, a product, a household.</summary>
public sealed record OrgIds(Guid PurchaseOrder, Guid SupplierOrder, Guid Shipment, Guid Acceptance, Guid Invoice, Guid Product, Guid Supplier,
    Guid Household, Guid Disbursement, Guid Organization, string CountyCode);

/// <summary>
/// The demo marketplace with a delivered, invoiced order on each side: "own" is the signed-in demo users' (海珠 canteen,
/// 田林 Agaricus cooperative, 田林县); "other" is another organization of each kind (宝安 school canteen, 瓮安 tea
/// cooperative, 瓮安县), whose ids the demo users must get 404 for.
/// </summary>
public sealed record DemoScenario(OrgIds Own, OrgIds Other)
{
    public const string OtherBuyer = "宝安区某中学食堂";
    public const string OtherSupplier = "瓮安县玉山茶叶专业合作社";

    public static async Task<DemoScenario> CreateAsync(AppFixture app)
    {
        await app.CreateUserAsync("baoan-purchaser@example.cn", OtherBuyer, OrganizationRole.Purchaser);
        await app.CreateUserAsync("baoan-receiver@example.cn", OtherBuyer, OrganizationRole.Receiver);
        await app.CreateUserAsync("wengan-supplier@example.cn", OtherSupplier, OrganizationRole.Manager);
        var own = await DeliverAsync(app, "purchaser@aidmarket.demo", "supplier@aidmarket.demo", "receiver@aidmarket.demo", "田林姬松茸干品", 20);
        var other = await DeliverAsync(app, "baoan-purchaser@example.cn", "wengan-supplier@example.cn", "baoan-receiver@example.cn", "瓮安红茶", 5);
        return new DemoScenario(own, other);
    }

    /// <summary>The value for {<paramref name="parameter"/>} in <paramref name="template"/>: the record of that kind in <paramref name="ids"/>.</summary>
    public static string ValueFor(OrgIds ids, string template, string parameter) => parameter switch
    {
        "code" => template.StartsWith("/Counties") ? ids.CountyCode : "404",
        "fileName" => "x.jpg",
        "productId" => ids.Product.ToString(),
        _ => IdFor(ids, template).ToString(),
    };

    private static Guid IdFor(OrgIds ids, string template) => template switch
    {
        _ when template.StartsWith("/Admin/Organizations") => ids.Organization,
        _ when template.StartsWith("/Admin/Payments/Invoice") || template.StartsWith("/Buyer/Invoices") => ids.Invoice,
        _ when template.Contains("/DeliveryNote") => ids.Shipment,
        _ when template.Contains("/AcceptanceForm") => ids.Acceptance,
        _ when template.StartsWith("/Buyer/Orders/Details") || template.StartsWith("/api/v1/orders") => ids.PurchaseOrder,
        _ when template.Contains("/Orders/") => ids.SupplierOrder,
        _ when template.StartsWith("/County/Disbursements") => ids.Disbursement,
        _ when template.StartsWith("/County/Households") => ids.Household,
        _ when template.StartsWith("/County/Suppliers") || template.StartsWith("/Suppliers/") => ids.Supplier,
        _ => ids.Product,
    };

    private static async Task<OrgIds> DeliverAsync(AppFixture app, string purchaserEmail, string supplierEmail, string receiverEmail, string productName, int quantity)
    {
        var product = await app.QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.NameZh == productName));
        var purchaser = await LogInAsync(app, purchaserEmail);
        (await OrderForms.AddToCartAsync(purchaser, product.Id, quantity)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var orderId = Browser.RedirectId(await OrderForms.SubmitCartAsync(purchaser));
        var part = await app.QueryAsync(db => db.SupplierOrders.SingleAsync(s => s.OrderId == orderId));
        var supplier = await LogInAsync(app, supplierEmail);
        await OrderForms.FulfilAsync(supplier, part.Id, "Confirm", new Dictionary<string, string>());
        var lot = await app.QueryAsync(db => db.ProductLots.FirstAsync(x => x.ProductId == product.Id));
        (await OrderForms.FulfilAsync(supplier, part.Id, "Ship", new Dictionary<string, string>
            { [$"Ship[{product.Id}]"] = quantity.ToString(), [$"Lot[{product.Id}]"] = lot.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var receiver = await LogInAsync(app, receiverEmail);
        (await OrderForms.ReceiveAsync(receiver, part.Id, new Dictionary<string, string> { [$"Accepted[{product.Id}]"] = quantity.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await IdsAsync(app, part.OrderId, part.Id, product);
    }

    private static async Task<OrgIds> IdsAsync(AppFixture app, Guid orderId, Guid partId, AidMarket.Domain.Catalog.Product product)
    {
        var order = await app.QueryAsync(db => db.PurchaseOrders.AsNoTracking().SingleAsync(o => o.Id == orderId));
        var household = await app.QueryAsync(db => db.Households.AsNoTracking().FirstAsync(h => h.CountyCode == product.CountyCode));
        var disbursement = DisbursementBatch.FromBalances(new Dictionary<Guid, Money> { [household.Id] = Money.FromYuan(10) }, Money.Zero,
            DateTimeOffset.UtcNow, product.CountyCode);
        await app.ExecuteAsync(async db => { db.DisbursementBatches.Add(disbursement); await db.SaveChangesAsync(); });
        return await app.QueryAsync(async db => new OrgIds(orderId, partId,
            await db.Shipments.Where(s => s.SupplierOrderId == partId).Select(s => s.Id).SingleAsync(),
            await db.AcceptanceRecords.Where(r => r.SupplierOrderId == partId).Select(r => r.Id).SingleAsync(),
            await db.Invoices.Where(i => i.SupplierOrderId == partId).Select(i => i.Id).SingleAsync(),
            product.Id, product.SupplierId, household.Id, disbursement.Id, order.BuyerOrganizationId, product.CountyCode));
    }

    private static async Task<Browser> LogInAsync(AppFixture app, string email)
    {
        var browser = new Browser(app.Factory);
        await browser.LogInOrThrowAsync(email);
        return browser;
    }
}
