using AidMarket.Domain.Common;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;
using AidMarket.Testing;
using AidMarket.Web.Data;
using AidMarket.Web.Procurement;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Procurement;

public class OrderFlowTests(AppFixture app) : WebTest(app)
{
    private Task<AidMarket.Domain.Catalog.Product> ProductAsync(string name) => App.QueryAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.NameZh == name));

    private async Task<Browser> LogInAsync(string email)
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync(email);
        return browser;
    }

    private async Task AddAsync(Browser purchaser, string name, int quantity)
    {
        var product = await ProductAsync(name);
        var add = await purchaser.SubmitAsync($"/Products/{product.Id}",
            new Dictionary<string, string> { ["productId"] = product.Id.ToString(), ["quantity"] = quantity.ToString() }, "/Buyer/Cart?handler=Add");
        add.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>The order events in the outbox, by name, sorted.</summary>
    private async Task<List<string>> OrderEventsAsync() =>
        (await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Type.Contains(".PurchaseOrder")).Select(m => m.Type).ToListAsync()))
        .Select(t => t[(t.LastIndexOf('.') + 1)..]).Order().ToList();

    private static Task<HttpResponseMessage> SubmitAsync(Browser purchaser) =>
        purchaser.SubmitAsync("/Buyer/Cart", new Dictionary<string, string>
        {
            ["Input.BuyerPoNumber"] = "HZ-2026-118", ["Input.CostCenter"] = "机关食堂", ["Input.Address"] = "广州市海珠区江南大道中1号",
            ["Input.RequestedOn"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"), ["Input.Notes"] = "上午送达",
        }, "/Buyer/Cart?handler=Submit");

    [Fact]
    public async Task A_small_order_across_two_suppliers_is_placed_at_once_and_its_stock_reserved()
    {
        var mushrooms = await ProductAsync("田林姬松茸干品");
        var tea = await ProductAsync("瓮安红茶");
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await AddAsync(purchaser, "田林姬松茸干品", 10);
        await AddAsync(purchaser, "瓮安红茶", 5);
        (await purchaser.GetPageAsync("/Buyer/Cart")).ShouldContain("¥1,880.00"); // 10 × 98 + 5 × 180

        var submitted = await SubmitAsync(purchaser);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await submitted.Content.ReadAsStringAsync()));
        var order = await App.QueryAsync(db => db.PurchaseOrders.SingleAsync());
        order.Status.ShouldBe(OrderStatus.Placed);
        order.Total.Fen.ShouldBe(188_000);
        order.Number.ShouldStartWith("PO-");
        order.Delivery.BuyerPoNumber.ShouldBe("HZ-2026-118");
        var parts = await App.QueryAsync(db => db.SupplierOrders.Where(s => s.OrderId == order.Id).ToListAsync());
        parts.Count.ShouldBe(2);
        parts.Single(p => p.SupplierId == mushrooms.SupplierId).HouseholdSharePercent.ShouldBe(12m);
        (await ProductAsync("田林姬松茸干品")).Stock.ShouldBe(mushrooms.Stock - 10);
        (await ProductAsync("瓮安红茶")).Stock.ShouldBe(tea.Stock - 5);
        (await App.QueryAsync(db => db.CartLines.CountAsync())).ShouldBe(0);
        (await purchaser.GetPageAsync($"/Buyer/Orders/Details/{order.Id}")).ShouldContain("已下单");
        (await OrderEventsAsync()).ShouldBe(["PurchaseOrderPlaced"]); // one message announces the order and its parts

        // One message for the placement, handled in one transaction: once the mushroom supplier's members are told, every
        // supplier's members are told of their own part and no one else (the tea supplier has no members in the demo data).
        async Task<List<string>> MembersAsync(Guid supplierId) => await App.QueryAsync(db => (from s in db.Suppliers
            join u in db.Users on s.OrganizationId equals u.OrganizationId where s.Id == supplierId select u.Id).OrderBy(id => id).ToListAsync());
        Task<List<string>> ToldAsync(Guid partId) => App.QueryAsync(db => db.Notifications.Where(n => n.Link == $"/Supplier/Orders/Details/{partId}")
            .Select(n => n.UserId).OrderBy(id => id).ToListAsync());
        var mushroomPart = parts.Single(p => p.SupplierId == mushrooms.SupplierId);
        var mushroomMembers = await MembersAsync(mushrooms.SupplierId);
        mushroomMembers.ShouldNotBeEmpty();
        await Eventually.ReturnsAsync(() => ToldAsync(mushroomPart.Id), told => told.SequenceEqual(mushroomMembers));
        foreach (var part in parts)
            (await ToldAsync(part.Id)).ShouldBe(await MembersAsync(part.SupplierId));
    }

    [Fact]
    public async Task Above_the_threshold_an_approver_who_did_not_submit_it_approves_and_it_is_placed()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await AddAsync(purchaser, "田林姬松茸干品", 50); // the 50-斤 tier: ¥92
        await AddAsync(purchaser, "瓮安红茶", 5);
        (await purchaser.GetPageAsync("/Buyer/Cart")).ShouldContain("¥5,500.00");
        await SubmitAsync(purchaser);
        var order = await App.QueryAsync(db => db.PurchaseOrders.SingleAsync());
        order.Status.ShouldBe(OrderStatus.AwaitingApproval);
        (await App.QueryAsync(db => db.SupplierOrders.CountAsync())).ShouldBe(0);
        (await OrderEventsAsync()).ShouldBe(["PurchaseOrderSubmitted"]); // for the approvers
        var stockBefore = (await ProductAsync("田林姬松茸干品")).Stock;

        var url = $"/Buyer/Orders/Details/{order.Id}";
        var own = await purchaser.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Approve");
        own.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        own.Headers.Location!.OriginalString.ShouldContain("AccessDenied"); // a purchaser cannot approve at all

        var approver = await LogInAsync("approver@aidmarket.demo");
        var noReason = await approver.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Reject");
        Browser.ErrorsIn(await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写原因");
        var approved = await approver.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Approve");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await approved.Content.ReadAsStringAsync()));
        order = await App.QueryAsync(db => db.PurchaseOrders.SingleAsync());
        order.Status.ShouldBe(OrderStatus.Placed);
        (await App.QueryAsync(db => db.SupplierOrders.CountAsync(s => s.OrderId == order.Id))).ShouldBe(2);
        (await ProductAsync("田林姬松茸干品")).Stock.ShouldBe(stockBefore - 50);
        (await OrderEventsAsync()).ShouldBe(["PurchaseOrderPlaced", "PurchaseOrderReviewed", "PurchaseOrderSubmitted"]);

        // Cancelled before shipment: the stock comes back.
        await purchaser.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Cancel");
        (await App.QueryAsync(db => db.PurchaseOrders.SingleAsync())).Status.ShouldBe(OrderStatus.Cancelled);
        (await ProductAsync("田林姬松茸干品")).Stock.ShouldBe(stockBefore);
    }

    [Fact]
    public async Task Each_step_reaches_the_next_person_in_the_app_and_by_email()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await AddAsync(purchaser, "田林姬松茸干品", 60); // ¥5,520: needs approval
        await SubmitAsync(purchaser);
        var order = await App.QueryAsync(db => db.PurchaseOrders.SingleAsync());
        var approver = await LogInAsync("approver@aidmarket.demo");
        await Eventually.ReturnsAsync(() => approver.GetPageAsync("/Notifications"), html => html.Contains($"采购订单 {order.Number}（¥5,520.00）待您审批"));
        await Eventually.ReturnsAsync(() => Task.FromResult(App.MailFiles().Select(File.ReadAllText).ToList()),
            mails => mails.Any(m => m.Contains("approver@aidmarket.demo") && m.Contains(order.Number)));

        var url = $"/Buyer/Orders/Details/{order.Id}";
        await approver.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Approve");
        await Eventually.ReturnsAsync(() => purchaser.GetPageAsync("/Notifications"), html => html.Contains($"采购订单 {order.Number} 已审批通过并下单"));
        var supplier = await LogInAsync("supplier@aidmarket.demo");
        await Eventually.ReturnsAsync(() => supplier.GetPageAsync("/Notifications"), html => html.Contains($"新订单 {order.Number}"));
        await Eventually.ReturnsAsync(() => Task.FromResult(App.MailFiles().Select(File.ReadAllText).ToList()),
            mails => mails.Any(m => m.Contains("supplier@aidmarket.demo") && m.Contains(order.Number)));

        var part = await App.QueryAsync(db => db.SupplierOrders.SingleAsync());
        var detail = $"/Supplier/Orders/Details/{part.Id}";
        await supplier.SubmitAsync(detail, new Dictionary<string, string>(), detail + "?handler=Confirm");
        await supplier.SubmitAsync(detail, new Dictionary<string, string> { [$"Ship[{part.Lines[0].ProductId}]"] = "60" }, detail + "?handler=Ship");
        var receiver = await LogInAsync("receiver@aidmarket.demo");
        await Eventually.ReturnsAsync(() => receiver.GetPageAsync("/Notifications"), html => html.Contains($"订单 {order.Number} 已发货，请验收"));
        await receiver.SubmitAsync($"/Buyer/Orders/Receive/{part.Id}", new Dictionary<string, string> { [$"Accepted[{part.Lines[0].ProductId}]"] = "60" });
        await Eventually.ReturnsAsync(() => supplier.GetPageAsync("/Notifications"), html => html.Contains($"订单 {order.Number} 已验收完毕"));
    }

    [Fact]
    public async Task An_order_sheet_fills_the_cart_only_when_every_row_is_good()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        var mushrooms = await ProductAsync("田林姬松茸干品");
        var tea = await ProductAsync("瓮安红茶");
        var bad = $"产品编号（认定证书编号）,数量\n{mushrooms.CertificateNumber},50\n{tea.CertificateNumber},2\nNO-SUCH-CODE,5\n{mushrooms.CertificateNumber},10\n";
        var rejected = await purchaser.UploadAsync("/Buyer/Cart", "/Buyer/Cart?handler=Sheet", "sheet", System.Text.Encoding.UTF8.GetBytes(bad), "sheet.csv", "text/csv");
        var html = await rejected.Content.ReadAsStringAsync();
        html.ShouldContain("未添加任何产品：订货单中发现 3 个问题");
        html.ShouldContain("<td>3</td><td>数量</td><td>起订量为 5斤</td>");
        html.ShouldContain("<td>4</td><td>产品编号（认定证书编号）</td>");
        html.ShouldContain("与第 2 行的产品编号重复");
        (await App.QueryAsync(db => db.CartLines.CountAsync())).ShouldBe(0);

        var good = $"Product code,Quantity\n{mushrooms.CertificateNumber},50\n{tea.CertificateNumber},10\n";
        var added = await purchaser.UploadAsync("/Buyer/Cart", "/Buyer/Cart?handler=Sheet", "sheet", System.Text.Encoding.UTF8.GetBytes(good), "sheet.csv", "text/csv");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await purchaser.GetPageAsync("/Buyer/Cart")).ShouldContain("¥6,400.00");
    }

    [Fact]
    public async Task A_double_click_on_submit_makes_one_order()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await AddAsync(purchaser, "瓮安红茶", 5);
        var page = await purchaser.GetPageAsync("/Buyer/Cart");
        var form = new Dictionary<string, string>
        {
            ["Input.Address"] = "海珠区", ["Input.RequestedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
        };
        var token = Browser.TokenFrom(page);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => purchaser.PostWithTokenAsync("/Buyer/Cart?handler=Submit", form, token)));
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task An_approver_cannot_approve_an_order_they_submitted()
    {
        await App.ExecuteAsync(async db =>
        {
            var approver = await db.Users.SingleAsync(u => u.Email == "approver@aidmarket.demo");
            var buyer = await db.Organizations.SingleAsync(o => o.Id == approver.OrganizationId);
            var product = await db.Products.SingleAsync(p => p.NameZh == "瓮安明前绿茶");
            db.PurchaseOrders.Add(new PurchaseOrder(buyer.Id, "PO-TEST-1", approver.Id,
                new DeliveryDetails("", "", "海珠区", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), ""),
                [new OrderLine(product.Id, product.SupplierId, product.NameZh, product.Unit, 100, new Money(product.PriceFor(100).Fen))], new Money(0), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        var id = await App.QueryAsync(db => db.PurchaseOrders.Select(o => o.Id).SingleAsync());
        var approver = await LogInAsync("approver@aidmarket.demo");
        var page = await approver.GetPageAsync($"/Buyer/Orders/Details/{id}");
        page.ShouldNotContain("?handler=Approve");
        var token = Browser.TokenFrom(page);
        var forced = await approver.PostWithTokenAsync($"/Buyer/Orders/Details/{id}?handler=Approve", new Dictionary<string, string>(), token);
        Browser.ErrorsIn(await forced.Content.ReadAsStringAsync()).ShouldContain("不能审批自己提交的订单");
        (await App.QueryAsync(db => db.PurchaseOrders.SingleAsync())).Status.ShouldBe(OrderStatus.AwaitingApproval);
    }

    [Fact]
    public async Task The_cart_explains_minimum_order_and_stock_and_nothing_is_ordered()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await AddAsync(purchaser, "田林姬松茸干品", 3);
        var cart = await purchaser.GetPageAsync("/Buyer/Cart");
        cart.ShouldContain("起订量为 10斤");
        var line = await App.QueryAsync(db => db.CartLines.SingleAsync());
        var token = Browser.TokenFrom(cart);
        await purchaser.PostWithTokenAsync("/Buyer/Cart?handler=Update", new Dictionary<string, string> { [$"Quantities[{line.Id}]"] = "100000" }, token);
        (await purchaser.GetPageAsync("/Buyer/Cart")).ShouldContain("库存不足，仅剩 800斤");
        var submitted = await SubmitAsync(purchaser);
        Browser.ErrorsIn(await submitted.Content.ReadAsStringAsync()).ShouldContain("请先处理购物车中标出的问题");
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Another_buyers_orders_are_404_in_every_page_and_action()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await AddAsync(purchaser, "瓮安红茶", 5);
        await SubmitAsync(purchaser);
        var order = await App.QueryAsync(db => db.PurchaseOrders.SingleAsync());
        await App.CreateUserAsync("approver@baoan-school.cn", "宝安区某中学食堂", OrganizationRole.Approver);
        var other = await LogInAsync("approver@baoan-school.cn");
        (await other.GetAsync($"/Buyer/Orders/Details/{order.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = Browser.TokenFrom(await other.GetPageAsync("/Buyer/Orders"));
        foreach (var handler in new[] { "Approve", "Reject", "Cancel" })
            (await other.PostWithTokenAsync($"/Buyer/Orders/Details/{order.Id}?handler={handler}", new Dictionary<string, string> { ["Reason"] = "x" }, token))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound, handler);
        (await other.GetPageAsync("/Buyer/Orders")).ShouldNotContain(order.Number);
        (await App.QueryAsync(db => db.PurchaseOrders.SingleAsync())).Status.ShouldBe(OrderStatus.Placed);

        var supplier = await LogInAsync("supplier@aidmarket.demo");
        (await supplier.GetAsync($"/Buyer/Orders/Details/{order.Id}")).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }
}

/// <summary>Stock under a race, with two app instances on one database.</summary>
public class StockRaceTests
{
    [Fact]
    public async Task Many_buyers_racing_on_two_instances_for_the_last_units_buy_exactly_what_is_left()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var a = new AidMarketFactory(database.ConnectionString);
        await using var b = new AidMarketFactory(database.ConnectionString);
        _ = a.Server;
        _ = b.Server;
        Guid productId, supplierId, buyerId;
        string userId;
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
            var product = await db.Products.SingleAsync(p => p.NameZh == "都安山茶油");
            await db.Database.ExecuteSqlAsync($"UPDATE products SET stock = 50 WHERE id = {product.Id}");
            (productId, supplierId) = (product.Id, product.SupplierId);
            var user = await db.Users.SingleAsync(u => u.Email == "purchaser@aidmarket.demo");
            (userId, buyerId) = (user.Id, user.OrganizationId!.Value);
        }

        const int buyers = 40, each = 5; // 200 units wanted, 50 there
        var results = await Task.WhenAll(Enumerable.Range(0, buyers).Select(async i =>
        {
            await using var scope = (i % 2 == 0 ? a : b).Services.CreateAsyncScope();
            var placement = scope.ServiceProvider.GetRequiredService<OrderPlacement>();
            try
            {
                // ¥790 each, under the buyer's threshold: placed at submission, as the cart and the API place them.
                var (order, _) = await placement.SubmitAsync(new Submission(buyerId, userId,
                    new DeliveryDetails("", "", "宝安区", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), ""),
                    [new OrderLine(productId, supplierId, "都安山茶油", "瓶", each, new Money(15800))]), DateTimeOffset.UtcNow, default);
                return order.Status == OrderStatus.Placed ? "placed" : "waiting";
            }
            catch (AidMarket.Domain.Common.DomainException ex)
            {
                return ex.Code;
            }
        }));

        results.Count(r => r == "placed").ShouldBe(10);
        results.Where(r => r != "placed").ShouldAllBe(r => r == "Order.NotEnoughStock");
        await using var check = a.Services.CreateAsyncScope();
        var verify = check.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        (await verify.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync()).ShouldBe(0);
        (await verify.SupplierOrders.CountAsync()).ShouldBe(10);
        (await verify.PurchaseOrders.CountAsync()).ShouldBe(10);
    }
}
