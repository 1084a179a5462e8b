using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Tests.Api;

public partial class BuyerApiTests(AppFixture app) : WebTest(app)
{
    private async Task<string> CreateKeyAsync(string adminEmail = "buyeradmin@aidmarket.demo")
    {
        var admin = NewBrowser();
        await admin.LogInOrThrowAsync(adminEmail);
        var before = await admin.GetPageAsync("/Buyer/ApiKeys");
        if (!before.Contains("font-monospace")) before.ShouldContain("暂无密钥"); // no key listed yet: the page says so
        var page = await admin.SubmitAsync("/Buyer/ApiKeys", new Dictionary<string, string> { ["Name"] = "ERP" }, "/Buyer/ApiKeys?handler=Create");
        var html = await page.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"new-key\">(am_[^<]+)<").Groups[1].Value;
        key.ShouldNotBeNullOrEmpty();
        return key;
    }

    private HttpClient Api(string key)
    {
        var client = App.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static object OrderBody(Guid teaId, string? code = null, int quantity = 10) => new
    {
        buyerPoNumber = "ERP-7788", costCenter = "CC-1", deliveryAddress = "广州市海珠区机关食堂",
        requestedDeliveryDate = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), notes = "",
        lines = new object[] { code is null ? new { productId = teaId, quantity } : new { productId = (Guid?)null, code, quantity } },
    };

    private static async Task<HttpResponseMessage> PostOrderAsync(HttpClient api, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await api.SendAsync(request);
    }

    [Fact]
    public async Task An_ERP_searches_reads_and_orders_and_a_retry_returns_the_same_order()
    {
        var api = Api(await CreateKeyAsync());
        var search = await api.GetFromJsonAsync<JsonElement>("/api/v1/products?q=" + Uri.EscapeDataString("红茶"));
        var tea = search.EnumerateArray().ShouldHaveSingleItem();
        tea.GetProperty("name").GetString().ShouldBe("瓮安红茶");
        var teaId = tea.GetProperty("id").GetGuid();
        var product = await api.GetFromJsonAsync<JsonElement>($"/api/v1/products/{teaId}");
        product.GetProperty("tiers")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(180m);

        var first = await PostOrderAsync(api, OrderBody(teaId), "erp-order-1");
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var order = await first.Content.ReadFromJsonAsync<JsonElement>();
        order.GetProperty("status").GetString().ShouldBe("Placed");
        order.GetProperty("total").GetDecimal().ShouldBe(1800m);
        var orderId = order.GetProperty("id").GetGuid();

        var retry = await PostOrderAsync(api, OrderBody(teaId), "erp-order-1");
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(orderId);
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(1);
        // One message per API order, the one every placed order is announced by.
        (await App.QueryAsync(db => db.OutboxMessages.Where(m => m.Type.Contains(".PurchaseOrder")).Select(m => m.Type).ToListAsync()))
            .ShouldBe([typeof(AidMarket.Web.Messaging.Contracts.PurchaseOrderPlaced).FullName!]);

        // A retry gets its order even when the same order could no longer be placed (the stock is gone meanwhile).
        var stock = await App.QueryAsync(db => db.Products.Where(p => p.Id == teaId).Select(p => p.Stock).SingleAsync());
        await App.ExecuteAsync(db => db.Products.Where(p => p.Id == teaId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Stock, 0)));
        var lateRetry = await PostOrderAsync(api, OrderBody(teaId), "erp-order-1");
        lateRetry.StatusCode.ShouldBe(HttpStatusCode.OK, await lateRetry.Content.ReadAsStringAsync());
        (await lateRetry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(orderId);
        await App.ExecuteAsync(db => db.Products.Where(p => p.Id == teaId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Stock, stock)));

        var different = await PostOrderAsync(api, OrderBody(teaId, quantity: 20), "erp-order-1");
        different.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        different.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var status = await api.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}");
        status.GetProperty("supplierOrders").GetArrayLength().ShouldBe(1);
        status.GetProperty("buyerPoNumber").GetString().ShouldBe("ERP-7788");
    }

    [Fact]
    public async Task Five_concurrent_retries_with_one_key_make_one_order()
    {
        var api = Api(await CreateKeyAsync());
        var tea = await App.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == "瓮安红茶"));
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PostOrderAsync(api, OrderBody(tea.Id, code: tea.CertificateNumber), "same-key")));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        ids.Distinct().Count().ShouldBe(1);
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(1);
        (await App.QueryAsync(db => db.Products.Where(p => p.Id == tea.Id).Select(p => p.Stock).SingleAsync())).ShouldBe(tea.Stock - 10);
    }

    [Fact]
    public async Task Bad_requests_are_problem_details_and_change_nothing()
    {
        var api = Api(await CreateKeyAsync());
        var tea = await App.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == "瓮安红茶"));
        var noKey = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(OrderBody(tea.Id)) };
        var missing = await api.SendAsync(noKey);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var tooFew = await PostOrderAsync(api, OrderBody(tea.Id, quantity: 1), "k-1");
        tooFew.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await tooFew.Content.ReadAsStringAsync()).ShouldContain("minimum order");
        var tooMany = await PostOrderAsync(api, OrderBody(tea.Id, quantity: 100_000), "k-2");
        (await tooMany.Content.ReadAsStringAsync()).ShouldContain("Not enough stock");
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(0);
        (await PostOrderAsync(api, OrderBody(tea.Id), "k-1")).StatusCode.ShouldBe(HttpStatusCode.Created); // a failed key may be retried
    }

    [Fact]
    public async Task Keys_are_needed_revocable_and_bound_to_their_organization()
    {
        (await App.Factory.CreateClient().GetAsync("/api/v1/products")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api("am_not-a-key").GetAsync("/api/v1/products")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.QueryAsync(db => db.ApiKeys.SingleOrDefaultAsync())).ShouldBeNull(); // nothing made by failed calls

        var key = await CreateKeyAsync();
        (await App.QueryAsync(db => db.ApiKeys.SingleAsync())).Hash.ShouldNotContain(key[3..]); // stored hashed
        var tea = await App.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == "瓮安红茶"));
        var placed = await PostOrderAsync(Api(key), OrderBody(tea.Id), "k");
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await App.CreateUserAsync("admin@baoan-school.cn", "宝安区某中学食堂", OrganizationRole.Admin);
        var other = Api(await CreateKeyAsync("admin@baoan-school.cn"));
        var foreign = await other.GetAsync($"/api/v1/orders/{orderId}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreign.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");
        var keyId = await App.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "ERP").OrderBy(k => k.CreatedAt).Select(k => k.Id).FirstAsync());
        await admin.SubmitAsync("/Buyer/ApiKeys", new Dictionary<string, string> { ["keyId"] = keyId.ToString() }, "/Buyer/ApiKeys?handler=Revoke");
        (await Api(key).GetAsync("/api/v1/products")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var otherAdmin = NewBrowser();
        await otherAdmin.LogInOrThrowAsync("admin@baoan-school.cn");
        var otherKeyId = await App.QueryAsync(db => db.ApiKeys.Where(k => k.RevokedAt == null).Select(k => k.Id).SingleAsync());
        var token = Browser.TokenFrom(await admin.GetPageAsync("/Buyer/ApiKeys"));
        (await admin.PostWithTokenAsync("/Buyer/ApiKeys?handler=Revoke", new Dictionary<string, string> { ["keyId"] = otherKeyId.ToString() }, token))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        var doc = await App.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/orders", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/products/{id}", out _).ShouldBeTrue();
    }
}
