using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;

namespace AidMarket.Web.Tests.Pages.Storefront;

public class StorefrontTests(AppFixture app) : WebTest(app)
{
    internal static ProductDetails Details(string name) =>
        new(name, null, "粮油", "", "基地", "瓶", "500毫升/瓶", 1, 10, [new TierPrice(1, new Money(5000))], []);

    [Fact]
    public async Task Lists_certified_products_with_supplier_county_price_and_labels_in_Chinese_text()
    {
        var html = await NewBrowser().GetPageAsync("/");

        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("认定帮扶产品");
        html.ShouldContain("田林姬松茸干品");
        html.ShouldContain("田林县姬松茸种植专业合作社");
        html.ShouldContain("田林县");
        html.ShouldContain("¥98.00");
        html.ShouldContain("绿色食品");
        html.ShouldContain("农产品地理标志");
        html.ShouldNotContain("&#x7530;"); // 田 as an entity would mean the encoder escaped Chinese
    }

    [Fact]
    public async Task An_expired_or_uncertified_product_is_not_listed()
    {
        await App.ExecuteAsync(async db =>
        {
            var supplier = await db.Suppliers.FirstAsync();
            db.Products.Add(new Product(supplier.Id, supplier.CountyCode, Details("未认定的测试蜂蜜"), DateTimeOffset.UtcNow));
            var expired = new Product(supplier.Id, supplier.CountyCode, Details("已过期的测试茶油"), DateTimeOffset.UtcNow);
            expired.ApplyForCertification(DateTimeOffset.UtcNow);
            expired.Certify("TEST-2020-0001", new DateOnly(2020, 1, 1), new DateOnly(2022, 1, 1));
            db.Products.Add(expired);
            await db.SaveChangesAsync();
        });

        var html = await NewBrowser().GetPageAsync("/");
        html.ShouldNotContain("未认定的测试蜂蜜");
        html.ShouldNotContain("已过期的测试茶油");
        html.ShouldContain("共 18 件商品");
    }
}
