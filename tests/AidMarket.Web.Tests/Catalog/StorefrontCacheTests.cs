using AidMarket.Web.Catalog;

namespace AidMarket.Web.Tests.Catalog;

/// <summary>
/// The storefront shares which products match a query between visitors (decision note 010). These show that no visitor ever
/// sees a stale listing: every catalog change, made through any instance or straight in the database, shows on the next
/// request, while the stock changes of every order leave the shared answers alone.
/// </summary>
public class StorefrontCacheTests(AppFixture app) : WebTest(app)
{
    private static int ProductCount(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, @"共 (\d+) 件商品").Groups[1].Value);

    private Task<Guid> VersionAsync() => App.QueryAsync(db => StorefrontCache.VersionAsync(db, CancellationToken.None));

    private Task SqlAsync(string sql) => App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task A_cached_listing_follows_every_catalog_change_on_the_next_request()
    {
        var browser = NewBrowser();
        var songrong = "/?Q=" + Uri.EscapeDataString("松茸");
        ProductCount(await browser.GetPageAsync(songrong)).ShouldBe(2);
        ProductCount(await browser.GetPageAsync(songrong)).ShouldBe(2); // now from the shared answer

        // Revoked (as another instance would, in its own transaction): gone from the very next page.
        await SqlAsync("UPDATE products SET certification_status = 'Revoked' WHERE name_zh = '姬松茸礼盒（250克）'");
        var revoked = await browser.GetPageAsync(songrong);
        ProductCount(revoked).ShouldBe(1);
        revoked.ShouldNotContain("姬松茸礼盒");

        // Certified again under a new name: found by the new name, and the old query finds it again.
        await SqlAsync("UPDATE products SET certification_status = 'Certified', name_zh = '田林松茸礼盒装' WHERE name_zh = '姬松茸礼盒（250克）'");
        (await browser.GetPageAsync("/?Q=" + Uri.EscapeDataString("礼盒装"))).ShouldContain("田林松茸礼盒装");
        ProductCount(await browser.GetPageAsync(songrong)).ShouldBe(2);

        // A suspended supplier takes its products with it.
        await SqlAsync("UPDATE suppliers SET status = 'Suspended' WHERE legal_name = '田林县姬松茸种植专业合作社'");
        (await browser.GetPageAsync(songrong)).ShouldContain("没有符合条件的认定产品");
    }

    [Fact]
    public async Task Orders_changing_stock_keep_the_shared_answers_and_the_page_still_shows_todays_stock()
    {
        var browser = NewBrowser();
        await browser.GetPageAsync("/");
        var before = await VersionAsync();
        before.ShouldNotBe(Guid.Empty);

        await SqlAsync("UPDATE products SET stock = stock - 1 WHERE name_zh = '田林姬松茸干品'");
        (await VersionAsync()).ShouldBe(before);

        await SqlAsync("UPDATE products SET base_price_fen = base_price_fen + 100 WHERE name_zh = '田林姬松茸干品'");
        (await VersionAsync()).ShouldNotBe(before);
    }

    [Fact]
    public async Task The_category_menu_follows_the_products_on_sale()
    {
        var browser = NewBrowser();
        (await browser.GetPageAsync("/")).ShouldNotContain(">测试新类目<");
        await SqlAsync("UPDATE products SET category = '测试新类目' WHERE name_zh = '田林姬松茸干品'");
        (await browser.GetPageAsync("/")).ShouldContain(">测试新类目<");
    }

    [Fact]
    public async Task Anonymous_visitors_share_whole_pages_until_the_catalog_changes()
    {
        var visitor = NewBrowser();
        var url = "/?Q=" + Uri.EscapeDataString("姬松茸");
        (await visitor.GetAsync(url)).Headers.Age.ShouldBeNull();
        var second = await NewBrowser().GetAsync(url);
        second.Headers.Age.ShouldNotBeNull(); // served from the output cache, to another visitor
        (await second.Content.ReadAsStringAsync()).ShouldContain("田林姬松茸干品");

        var productId = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "田林姬松茸干品").Select(p => p.Id).SingleAsync());
        await NewBrowser().GetPageAsync($"/Products/{productId}");
        (await NewBrowser().GetAsync($"/Products/{productId}")).Headers.Age.ShouldNotBeNull();

        await SqlAsync("UPDATE products SET certification_status = 'Revoked' WHERE name_zh = '田林姬松茸干品'");
        var after = await NewBrowser().GetAsync(url);
        after.Headers.Age.ShouldBeNull();
        (await after.Content.ReadAsStringAsync()).ShouldNotContain("田林姬松茸干品");
        (await NewBrowser().GetAsync($"/Products/{productId}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_language_has_its_own_cached_page_and_signed_in_users_never_get_a_shared_one()
    {
        var productId = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "田林姬松茸干品").Select(p => p.Id).SingleAsync());
        var url = $"/Products/{productId}";
        (await NewBrowser().GetPageAsync(url)).ShouldContain("<html lang=\"zh-CN\">");

        var english = NewBrowser();
        (await english.GetAsync("/culture?culture=en&returnUrl=/")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var englishPage = await english.GetPageAsync(url);
        englishPage.ShouldContain("<html lang=\"en\">");
        englishPage.ShouldContain("Tianlin dried Agaricus blazei");

        var purchaser = NewBrowser();
        await purchaser.LogInOrThrowAsync("purchaser@aidmarket.demo");
        var response = await purchaser.GetAsync(url);
        response.Headers.Age.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldContain("Buyer/Cart?handler=Add");
        (await NewBrowser().GetPageAsync(url)).ShouldNotContain("Buyer/Cart?handler=Add");
    }
}
