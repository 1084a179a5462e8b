using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Tests.Pages.Storefront;

public class SearchTests(AppFixture app) : WebTest(app)
{
    private static int ProductCount(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, @"共 (\d+) 件商品").Groups[1].Value);

    [Fact]
    public async Task A_Chinese_substring_finds_the_product_and_English_words_find_English_names()
    {
        var browser = NewBrowser();
        var songrong = await browser.GetPageAsync("/?Q=" + Uri.EscapeDataString("松茸"));
        songrong.ShouldContain("田林姬松茸干品");
        songrong.ShouldContain("姬松茸礼盒");
        songrong.ShouldNotContain("八渡笋干");
        ProductCount(songrong).ShouldBe(2);

        var tea = await browser.GetPageAsync("/?Q=TEA");
        tea.ShouldContain("瓮安明前绿茶");
        tea.ShouldContain("瓮安红茶");
        ProductCount(tea).ShouldBe(2);

        var nothing = await browser.GetPageAsync("/?Q=" + Uri.EscapeDataString("榴莲"));
        nothing.ShouldContain("没有符合条件的认定产品");
    }

    [Fact]
    public async Task Filters_combine_and_sorting_by_price_orders_the_cards()
    {
        var browser = NewBrowser();
        var duan = await browser.GetPageAsync("/?County=451228");
        ProductCount(duan).ShouldBe(5);
        duan.ShouldNotContain("田林姬松茸干品");

        var gi = await browser.GetPageAsync("/?County=451228&Label=GeographicalIndication");
        ProductCount(gi).ShouldBe(1);
        gi.ShouldContain("都安瑶山牛肉");

        var workshops = await browser.GetPageAsync("/?Kind=Workshop&Category=" + Uri.EscapeDataString("粮油"));
        workshops.ShouldContain("都安旱藕粉");
        ProductCount(workshops).ShouldBe(1);

        var cheap = await browser.GetPageAsync("/?Sort=PriceLow");
        var prices = System.Text.RegularExpressions.Regex.Matches(cheap, @"class=""price"">¥([\d,\.]+)<").Select(m => decimal.Parse(m.Groups[1].Value.Replace(",", ""))).ToList();
        prices.Count.ShouldBe(18);
        prices.ShouldBe(prices.Order().ToList());
        var dear = await browser.GetPageAsync("/?Sort=PriceHigh");
        dear.IndexOf("瓮安明前绿茶", StringComparison.Ordinal).ShouldBeLessThan(dear.IndexOf("泗县红薯粉丝", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_have_stable_urls_that_keep_the_filters()
    {
        // 30 more certified products in 田林县 make two pages.
        await App.ExecuteAsync(async db =>
        {
            var supplier = await db.Suppliers.SingleAsync(s => s.LegalName == "田林县姬松茸种植专业合作社");
            for (int i = 0; i < 30; i++)
            {
                var product = new AidMarket.Domain.Catalog.Product(supplier.Id, "451029", StorefrontTests.Details($"测试分页产品{i:D2}"), DateTimeOffset.UtcNow);
                product.ApplyForCertification(DateTimeOffset.UtcNow);
                product.Certify($"TEST-{i:D4}", DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1));
                db.Products.Add(product);
            }
            await db.SaveChangesAsync();
        });
        var browser = NewBrowser();
        var first = await browser.GetPageAsync("/?County=451029&Sort=PriceLow");
        ProductCount(first).ShouldBe(34);
        first.ShouldContain("href=\"/?County=451029&amp;Sort=PriceLow&amp;p=2\"");
        var second = await browser.GetPageAsync("/?County=451029&Sort=PriceLow&p=2");
        var firstNames = System.Text.RegularExpressions.Regex.Matches(first, @"id=""p-[^""]+""><a[^>]*>([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        var secondNames = System.Text.RegularExpressions.Regex.Matches(second, @"id=""p-[^""]+""><a[^>]*>([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        firstNames.Count.ShouldBe(24);
        secondNames.Count.ShouldBe(10);
        firstNames.Intersect(secondNames).ShouldBeEmpty();
        var again = await browser.GetPageAsync("/?County=451029&Sort=PriceLow&p=2");
        System.Text.RegularExpressions.Regex.Matches(again, @"id=""p-[^""]+""><a[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)
            .ShouldBe(secondNames); // the same URL lists the same products in the same order
    }

    [Fact]
    public async Task A_partner_district_sees_products_of_its_paired_counties_only_when_asked()
    {
        var anonymous = await NewBrowser().GetPageAsync("/?Paired=true");
        ProductCount(anonymous).ShouldBe(18); // only a partner district's users have paired counties
        anonymous.ShouldNotContain("只看结对县");

        var partner = NewBrowser();
        await partner.LogInOrThrowAsync("partner@aidmarket.demo"); // 海珠区 → 瓮安县
        var paired = await partner.GetPageAsync("/?Paired=true");
        paired.ShouldContain("只看结对县");
        ProductCount(paired).ShouldBe(4);
        paired.ShouldContain("瓮安明前绿茶");
        paired.ShouldNotContain("田林姬松茸干品");
    }

    [Fact]
    public async Task The_product_page_shows_prices_certificate_origin_supplier_and_households_benefiting()
    {
        var product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == "田林姬松茸干品"));
        var page = await NewBrowser().GetPageAsync($"/Products/{product.Id}");
        page.ShouldContain("<h1 class=\"h3\">田林姬松茸干品");
        page.ShouldContain("¥98.00");
        page.ShouldContain("50–199 斤");
        page.ShouldContain("¥86.00");
        page.ShouldContain(product.CertificateNumber!);
        page.ShouldContain("广西壮族自治区 百色市 田林县");
        page.ShouldContain("田林县姬松茸种植专业合作社");
        page.ShouldContain("销售额的 12% 惠及 5 户联结脱贫户（订单收购）");
        page.ShouldContain("有货");
        foreach (var head in await App.QueryAsync(db => db.Households.Select(h => h.HeadName).ToListAsync()))
            page.ShouldNotContain(head); // households are counted, never named
    }

    [Fact]
    public async Task Products_not_on_sale_and_suppliers_not_approved_have_no_public_page()
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        await manager.SubmitAsync("/Supplier/Products/Edit", CountyDesk.ProductCertificationTests.ProductForm("草稿产品"));
        var draft = await App.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == "草稿产品"));
        (await NewBrowser().GetAsync($"/Products/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await NewBrowser().GetAsync($"/Products/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var supplier = await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.Id == draft.SupplierId));
        (await NewBrowser().GetPageAsync($"/Suppliers/{supplier.Id}")).ShouldContain("田林姬松茸干品");
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var url = $"/County/Suppliers/Details/{supplier.Id}";
        await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "整改" }, url + "?handler=Suspend");
        (await NewBrowser().GetAsync($"/Suppliers/{supplier.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await NewBrowser().GetAsync($"/Products/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_county_page_lists_its_suppliers_products_and_partner()
    {
        var page = await NewBrowser().GetPageAsync("/Counties/522725");
        page.ShouldContain("瓮安县");
        page.ShouldContain("茶叶");
        page.ShouldContain("广州市海珠区");
        page.ShouldContain("瓮安县玉山茶叶专业合作社");
        page.ShouldContain("瓮安明前绿茶");
        (await NewBrowser().GetAsync("/Counties/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
