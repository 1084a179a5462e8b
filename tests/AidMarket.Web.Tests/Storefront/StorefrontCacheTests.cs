using AidMarket.Web.Catalog;

namespace AidMarket.Web.Tests.Storefront;

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
}
