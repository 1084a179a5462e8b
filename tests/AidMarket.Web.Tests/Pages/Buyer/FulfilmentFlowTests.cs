using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;

namespace AidMarket.Web.Tests.Pages.Buyer;

public class FulfilmentFlowTests(AppFixture app) : WebTest(app)
{
    private async Task<Browser> LogInAsync(string email)
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync(email);
        return browser;
    }

    /// <summary>A placed order (below the approval threshold) for two products of the demo supplier.</summary>
    private async Task<SupplierOrder> PlacedOrderAsync()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        foreach (var (name, quantity) in new[] { ("田林姬松茸干品", 20), ("姬松茸礼盒（250克）", 20) })
        {
            var product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == name));
            await purchaser.SubmitAsync($"/Products/{product.Id}", new Dictionary<string, string> { ["productId"] = product.Id.ToString(), ["quantity"] = quantity.ToString() },
                "/Buyer/Cart?handler=Add");
        }
        var submitted = await purchaser.SubmitAsync("/Buyer/Cart", new Dictionary<string, string>
        {
            ["Input.Address"] = "广州市海珠区", ["Input.RequestedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
        }, "/Buyer/Cart?handler=Submit");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await submitted.Content.ReadAsStringAsync()));
        return await App.QueryAsync(db => db.SupplierOrders.SingleAsync());
    }

    [Fact]
    public async Task Confirm_decline_ship_from_a_lot_in_two_parts_and_accept_part_sets_what_is_payable()
    {
        var order = await PlacedOrderAsync();
        var giftBox = order.Lines.Single(l => l.ProductName.StartsWith("姬松茸礼盒"));
        var dried = order.Lines.Single(l => l.ProductName == "田林姬松茸干品");
        var giftStock = await App.QueryAsync(db => db.Products.Where(p => p.Id == giftBox.ProductId).Select(p => p.Stock).SingleAsync());
        var supplier = await LogInAsync("supplier@aidmarket.demo");
        var url = $"/Supplier/Orders/Details/{order.Id}";
        (await supplier.GetPageAsync("/Supplier/Orders")).ShouldContain(order.OrderNumber);

        var confirmed = await supplier.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Declined"] = giftBox.ProductId.ToString(), [$"Reasons[{giftBox.ProductId}]"] = "礼盒包装缺货",
        }, url + "?handler=Confirm");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await confirmed.Content.ReadAsStringAsync()));
        (await App.QueryAsync(db => db.Products.Where(p => p.Id == giftBox.ProductId).Select(p => p.Stock).SingleAsync())).ShouldBe(giftStock + 20);

        var lot = await App.QueryAsync(db => db.ProductLots.FirstAsync(x => x.ProductId == dried.ProductId));
        var shipped = await supplier.SubmitAsync(url, new Dictionary<string, string>
        {
            [$"Ship[{dried.ProductId}]"] = "12", [$"Lot[{dried.ProductId}]"] = lot.Id.ToString(), ["Carrier"] = "顺丰速运", ["TrackingNumber"] = "SF1001",
        }, url + "?handler=Ship");
        shipped.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await shipped.Content.ReadAsStringAsync()));
        var tooMuch = await supplier.SubmitAsync(url, new Dictionary<string, string> { [$"Ship[{dried.ProductId}]"] = "9", [$"Lot[{dried.ProductId}]"] = lot.Id.ToString() },
            url + "?handler=Ship");
        Browser.ErrorsIn(await tooMuch.Content.ReadAsStringAsync()).ShouldContain("最多还能发 8");
        await supplier.SubmitAsync(url, new Dictionary<string, string> { [$"Ship[{dried.ProductId}]"] = "8", [$"Lot[{dried.ProductId}]"] = lot.Id.ToString() }, url + "?handler=Ship");
        var shipments = await App.QueryAsync(db => db.Shipments.OrderBy(s => s.ShippedAt).ToListAsync());
        shipments.Count.ShouldBe(2);
        shipments[0].Lines.ShouldHaveSingleItem().LotCode.ShouldBe(lot.LotCode);
        var note = await supplier.GetPageAsync($"/Supplier/Orders/DeliveryNote/{shipments[0].Id}");
        note.ShouldContain(lot.LotCode);
        note.ShouldContain("顺丰速运");
        (await App.QueryAsync(db => db.SupplierOrders.SingleAsync())).Status.ShouldBe(SupplierOrderStatus.Shipped);

        var receiver = await LogInAsync("receiver@aidmarket.demo");
        (await receiver.GetPageAsync($"/Buyer/Orders/DeliveryNote/{shipments[1].Id}")).ShouldContain("发货单");
        var receive = $"/Buyer/Orders/Receive/{order.Id}";
        var noReason = await receiver.SubmitAsync(receive, new Dictionary<string, string>
        {
            [$"Accepted[{dried.ProductId}]"] = "19", [$"Rejected[{dried.ProductId}]"] = "1",
        });
        Browser.ErrorsIn(await noReason.Content.ReadAsStringAsync()).ShouldContain("拒收须写明原因");
        var accepted = await receiver.SubmitAsync(receive, new Dictionary<string, string>
        {
            [$"Accepted[{dried.ProductId}]"] = "19", [$"Rejected[{dried.ProductId}]"] = "1", [$"Reasons[{dried.ProductId}]"] = "一袋受潮",
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var form = await receiver.GetPageAsync(accepted.Headers.Location!.OriginalString);
        form.ShouldContain("验收单");
        form.ShouldContain("一袋受潮");
        form.ShouldContain("¥1,862.00"); // 19 × ¥98.00
        var final = await App.QueryAsync(db => db.SupplierOrders.SingleAsync());
        final.Status.ShouldBe(SupplierOrderStatus.Accepted);
        final.Payable.Fen.ShouldBe(19 * 9800);
    }

    [Fact]
    public async Task Two_suppliers_of_one_order_each_ship_under_their_own_delivery_note_number()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        var products = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "田林姬松茸干品" || p.NameZh == "八渡笋干").ToListAsync());
        foreach (var product in products) await OrderForms.AddToCartAsync(purchaser, product.Id, 20);
        (await OrderForms.SubmitCartAsync(purchaser)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.CreateUserAsync("badu@aidmarket.demo", "田林县八渡笋专业合作社", OrganizationRole.Manager);

        foreach (var (email, product) in new[] { ("supplier@aidmarket.demo", "田林姬松茸干品"), ("badu@aidmarket.demo", "八渡笋干") })
        {
            var id = products.Single(p => p.NameZh == product).Id;
            var order = (await App.QueryAsync(db => db.SupplierOrders.ToListAsync())).Single(o => o.Lines.Any(l => l.ProductId == id));
            var supplier = await LogInAsync(email);
            await OrderForms.FulfilAsync(supplier, order.Id, "Confirm", new Dictionary<string, string>());
            var shipped = await OrderForms.FulfilAsync(supplier, order.Id, "Ship", new Dictionary<string, string> { [$"Ship[{id}]"] = "20" });
            shipped.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await shipped.Content.ReadAsStringAsync()));
        }

        var numbers = await App.QueryAsync(db => db.Shipments.Select(s => s.Number).ToListAsync());
        var placed = await App.QueryAsync(db => db.PurchaseOrders.Select(o => o.Number).SingleAsync());
        numbers.ShouldBe([$"DN{placed[2..]}-A-1", $"DN{placed[2..]}-B-1"], ignoreOrder: true);
    }

    [Fact]
    public async Task Closing_the_unshipped_rest_gives_its_stock_back()
    {
        var order = await PlacedOrderAsync();
        var dried = order.Lines.Single(l => l.ProductName == "田林姬松茸干品");
        var gift = order.Lines.Single(l => l.ProductName != "田林姬松茸干品");
        var stock = await App.QueryAsync(db => db.Products.Where(p => p.Id == dried.ProductId || p.Id == gift.ProductId).ToDictionaryAsync(p => p.Id, p => p.Stock));
        var supplier = await LogInAsync("supplier@aidmarket.demo");
        var url = $"/Supplier/Orders/Details/{order.Id}";
        await supplier.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Confirm");
        await supplier.SubmitAsync(url, new Dictionary<string, string> { [$"Ship[{dried.ProductId}]"] = "15", [$"Ship[{gift.ProductId}]"] = "0" }, url + "?handler=Ship");
        var closed = await supplier.SubmitAsync(url, new Dictionary<string, string> { ["CloseReason"] = "产季结束" }, url + "?handler=CloseRest");
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await closed.Content.ReadAsStringAsync()));
        var after = await App.QueryAsync(db => db.Products.Where(p => p.Id == dried.ProductId || p.Id == gift.ProductId).ToDictionaryAsync(p => p.Id, p => p.Stock));
        after[dried.ProductId].ShouldBe(stock[dried.ProductId] + 5);
        after[gift.ProductId].ShouldBe(stock[gift.ProductId] + 20);
        (await App.QueryAsync(db => db.SupplierOrders.SingleAsync())).Status.ShouldBe(SupplierOrderStatus.Shipped);
    }

    [Fact]
    public async Task Another_supplier_or_buyer_gets_404_on_every_fulfilment_page_and_action()
    {
        var order = await PlacedOrderAsync();
        await App.CreateUserAsync("badu@aidmarket.demo", "田林县八渡笋专业合作社", OrganizationRole.Manager);
        var otherSupplier = await LogInAsync("badu@aidmarket.demo");
        var url = $"/Supplier/Orders/Details/{order.Id}";
        (await otherSupplier.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = Browser.TokenFrom(await otherSupplier.GetPageAsync("/Supplier/Orders"));
        (await otherSupplier.PostWithTokenAsync(url + "?handler=Confirm", new Dictionary<string, string>(), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherSupplier.GetPageAsync("/Supplier/Orders")).ShouldNotContain(order.OrderNumber);

        var supplier = await LogInAsync("supplier@aidmarket.demo");
        await supplier.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Confirm");
        var line = order.Lines[0];
        await supplier.SubmitAsync(url, new Dictionary<string, string> { [$"Ship[{line.ProductId}]"] = "1" }, url + "?handler=Ship");
        var shipment = await App.QueryAsync(db => db.Shipments.SingleAsync());
        (await otherSupplier.GetAsync($"/Supplier/Orders/DeliveryNote/{shipment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await App.CreateUserAsync("receiver@baoan-school.cn", "宝安区某中学食堂", OrganizationRole.Receiver);
        var otherBuyer = await LogInAsync("receiver@baoan-school.cn");
        (await otherBuyer.GetAsync($"/Buyer/Orders/Receive/{order.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherBuyer.GetAsync($"/Buyer/Orders/DeliveryNote/{shipment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var buyerToken = Browser.TokenFrom(await otherBuyer.GetPageAsync("/Buyer/Orders"));
        (await otherBuyer.PostWithTokenAsync($"/Buyer/Orders/Receive/{order.Id}", new Dictionary<string, string> { [$"Accepted[{line.ProductId}]"] = "1" }, buyerToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.QueryAsync(db => db.SupplierOrders.SingleAsync())).Lines[0].Accepted.ShouldBe(0);

        // Within the buyer, only the receiver records acceptance.
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        (await purchaser.GetAsync($"/Buyer/Orders/Receive/{order.Id}")).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }
}
