using AidMarket.Domain.Procurement;

namespace AidMarket.Web.Tests.Payments;

/// <summary>The steps payment tests share: an order accepted and invoiced, a bank transfer recorded, the ledger checked.</summary>
public static class PaymentScenario
{
    public static async Task<Browser> LogInAsync(AppFixture app, string email)
    {
        var browser = new Browser(app.Factory);
        await browser.LogInOrThrowAsync(email);
        return browser;
    }

    /// <summary>20 bags of dried Agaricus ordered, shipped from a lot and 19 accepted (¥1,862.00 payable).</summary>
    public static async Task<(SupplierOrder Order, Guid LotId)> AcceptedOrderAsync(AppFixture app)
    {
        var purchaser = await LogInAsync(app, "purchaser@aidmarket.demo");
        var product = await app.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == "田林姬松茸干品"));
        await purchaser.SubmitAsync($"/Products/{product.Id}", new Dictionary<string, string> { ["productId"] = product.Id.ToString(), ["quantity"] = "20" },
            "/Buyer/Cart?handler=Add");
        var submitted = await purchaser.SubmitAsync("/Buyer/Cart", new Dictionary<string, string>
        {
            ["Input.Address"] = "广州市海珠区", ["Input.RequestedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
        }, "/Buyer/Cart?handler=Submit");
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await submitted.Content.ReadAsStringAsync()));
        var order = await app.QueryAsync(db => db.SupplierOrders.SingleAsync());
        var supplier = await LogInAsync(app, "supplier@aidmarket.demo");
        var url = $"/Supplier/Orders/Details/{order.Id}";
        await supplier.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Confirm");
        var lot = await app.QueryAsync(db => db.ProductLots.FirstAsync(x => x.ProductId == product.Id));
        var shipped = await supplier.SubmitAsync(url, new Dictionary<string, string> { [$"Ship[{product.Id}]"] = "20", [$"Lot[{product.Id}]"] = lot.Id.ToString() },
            url + "?handler=Ship");
        shipped.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await shipped.Content.ReadAsStringAsync()));
        var receiver = await LogInAsync(app, "receiver@aidmarket.demo");
        var accepted = await receiver.SubmitAsync($"/Buyer/Orders/Receive/{order.Id}", new Dictionary<string, string>
        {
            [$"Accepted[{product.Id}]"] = "19", [$"Rejected[{product.Id}]"] = "1", [$"Reasons[{product.Id}]"] = "一袋受潮",
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await accepted.Content.ReadAsStringAsync()));
        return (await app.QueryAsync(db => db.SupplierOrders.SingleAsync()), lot.Id);
    }

    public static Task<HttpResponseMessage> RecordTransferAsync(Browser admin, string amount, string memo, string slip) =>
        admin.SubmitAsync("/Admin/Payments", new Dictionary<string, string>
        {
            ["Input.ReceivedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"), ["Input.Amount"] = amount, ["Input.Memo"] = memo, ["Input.SlipNumber"] = slip,
        }, "/Admin/Payments?handler=Record");

    /// <summary>Entries whose postings do not sum to zero (the database refuses them; this proves it).</summary>
    public static Task<long> UnbalancedEntriesAsync(AppFixture app) => app.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM (SELECT entry_id FROM postings GROUP BY entry_id HAVING sum(amount_fen) <> 0) x").SingleAsync());

    /// <summary>The sum of every posting of the ledger: zero when the books balance.</summary>
    public static Task<long> LedgerSumAsync(AppFixture app) => app.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT coalesce(sum(amount_fen), 0)::bigint AS \"Value\" FROM postings").SingleAsync());
}
