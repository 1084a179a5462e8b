using System.Text.RegularExpressions;
using AidMarket.Domain.Procurement;
using AidMarket.Testing;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>The steps payment tests share: an order accepted and invoiced, a bank transfer recorded, the ledger checked.</summary>
public static partial class PaymentScenario
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
        await OrderForms.AddToCartAsync(purchaser, product.Id, 20);
        var submitted = await OrderForms.SubmitCartAsync(purchaser);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await submitted.Content.ReadAsStringAsync()));
        var order = await app.QueryAsync(db => db.SupplierOrders.SingleAsync());
        var supplier = await LogInAsync(app, "supplier@aidmarket.demo");
        await OrderForms.FulfilAsync(supplier, order.Id, "Confirm", new Dictionary<string, string>());
        var lot = await app.QueryAsync(db => db.ProductLots.FirstAsync(x => x.ProductId == product.Id));
        var shipped = await OrderForms.FulfilAsync(supplier, order.Id, "Ship",
            new Dictionary<string, string> { [$"Ship[{product.Id}]"] = "20", [$"Lot[{product.Id}]"] = lot.Id.ToString() });
        shipped.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await shipped.Content.ReadAsStringAsync()));
        var receiver = await LogInAsync(app, "receiver@aidmarket.demo");
        var accepted = await OrderForms.ReceiveAsync(receiver, order.Id, new Dictionary<string, string>
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

    /// <summary>Buyer finance's Pay online on the invoice: a redirect to Stripe's (the fake's) checkout page, or the page with why not.</summary>
    public static async Task<HttpResponseMessage> PayOnlineAsync(Browser buyer, Guid invoiceId, string? tokenPage = null)
    {
        var token = Browser.TokenFrom(await buyer.GetPageAsync(tokenPage ?? $"/Buyer/Invoices/Details/{invoiceId}"));
        return await buyer.PostWithTokenAsync($"/Buyer/Invoices/Details/{invoiceId}?handler=PayOnline", new Dictionary<string, string>(), token);
    }

    /// <summary>The checkout session Pay online redirected to.</summary>
    public static FakeStripe.FakeSession SessionOf(FakeStripe stripe, HttpResponseMessage checkout) =>
        stripe.Session(checkout.Headers.Location!.ToString().Split('/')[^1]);

    /// <summary>
    /// Platform finance refunds part or all of an invoice on its page (handler Bank or Stripe), under the refund id the form
    /// carries unless <paramref name="refundId"/> is given. With nothing left to refund the page has no form: then the post is
    /// one from a form opened earlier, with a refund id of its own.
    /// </summary>
    public static async Task<HttpResponseMessage> RefundAsync(Browser admin, Guid invoiceId, string handler, IDictionary<string, string> fields, string? refundId = null)
    {
        var url = $"/Admin/Payments/Invoice/{invoiceId}";
        var html = await admin.GetPageAsync(url);
        var formId = RefundIdPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : Guid.CreateVersion7().ToString();
        var form = new Dictionary<string, string>(fields) { ["Input.RefundId"] = refundId ?? formId };
        return await admin.PostWithTokenAsync($"{url}?handler={handler}", form, Browser.TokenFrom(html));
    }

    [GeneratedRegex("name=\"Input.RefundId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex RefundIdPattern();

    /// <summary>Entries whose postings do not sum to zero (the database refuses them; this proves it).</summary>
    public static Task<long> UnbalancedEntriesAsync(AppFixture app) => app.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM (SELECT entry_id FROM postings GROUP BY entry_id HAVING sum(amount_fen) <> 0) x").SingleAsync());

    /// <summary>The sum of every posting of the ledger: zero when the books balance.</summary>
    public static Task<long> LedgerSumAsync(AppFixture app) => app.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT coalesce(sum(amount_fen), 0)::bigint AS \"Value\" FROM postings").SingleAsync());
}
