using AidMarket.Web.Tests.Pages.CountyDesk;

namespace AidMarket.Web.Tests.Input;

/// <summary>Each class of bad input the probe of issue 19 found: a 4xx that says why, or the form again with its message and the input kept.</summary>
public class InputGuardTests(AppFixture app) : WebTest(app)
{
    private Task<Guid> ProductIdAsync() => App.QueryAsync(db => db.Products.Where(p => p.NameZh == "田林姬松茸干品").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task A_post_to_a_page_without_that_handler_is_a_bad_request_explained_in_chinese()
    {
        var visitor = NewBrowser();
        var page = $"/Products/{await ProductIdAsync()}";
        var token = Browser.TokenFrom(await visitor.GetPageAsync("/Identity/Account/Login"));

        var response = await visitor.PostWithTokenAsync(page, new Dictionary<string, string> { ["quantity"] = "1" }, token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("请求未被接受");
        (await visitor.PostWithTokenAsync(page + "?handler=Nope", new Dictionary<string, string>(), token)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await visitor.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_remember_me_that_is_not_a_boolean_shows_the_login_form_again_with_the_email_kept()
    {
        var response = await NewBrowser().SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
            { ["Input.Email"] = "purchaser@aidmarket.demo", ["Input.Password"] = "Demo@2026", ["Input.RememberMe"] = "maybe" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Browser.ErrorsIn(html).ShouldContain("“maybe”不是有效的记住我");
        html.ShouldContain("value=\"purchaser@aidmarket.demo\"");
    }

    [Theory]
    [InlineData("/?Q=a%00b")]
    [InlineData("/?County=%00")]
    [InlineData("/?Category=%01%1b")]
    public async Task A_nul_or_control_character_in_a_search_is_a_bad_request(string url) =>
        (await NewBrowser().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

    [Theory]
    [InlineData("/%01x", "/")]
    [InlineData("/%0D%0ALocation:%20//evil.example", "/")]
    [InlineData("/Counties/451029?q=%E6%9D%BE%E8%8C%B8%E2%80%AE", "/Counties/451029?q=%E6%9D%BE%E8%8C%B8%E2%80%AE")]
    public async Task The_language_switch_returns_only_to_a_plain_local_address(string returnUrl, string expected)
    {
        var response = await NewBrowser().GetAsync("/culture?culture=en&returnUrl=" + returnUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/County/Households?p=2147483647")]
    [InlineData("/County/Lookups?p=2147483647")]
    [InlineData("/County/Audit?p=2147483647")]
    public async Task A_page_number_near_two_to_the_31_shows_an_empty_page(string url) =>
        (await (await SignInAsync("officer@aidmarket.demo")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

    [Fact]
    public async Task Cart_quantities_that_overflow_stay_in_the_cart_at_the_largest_quantity()
    {
        var purchaser = await SignInAsync("purchaser@aidmarket.demo");
        var product = await ProductIdAsync();
        var add = new Dictionary<string, string> { ["productId"] = product.ToString(), ["quantity"] = int.MaxValue.ToString() };
        (await purchaser.SubmitAsync($"/Products/{product}", add, "/Buyer/Cart?handler=Add")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await purchaser.SubmitAsync($"/Products/{product}", add, "/Buyer/Cart?handler=Add")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await App.QueryAsync(db => db.CartLines.SingleAsync())).Quantity.ShouldBe(int.MaxValue);
        (await purchaser.GetAsync("/Buyer/Cart")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_overflowing_baseline_income_is_refused_on_the_form()
    {
        var officer = await SignInAsync("officer@aidmarket.demo");
        var response = await officer.SubmitAsync("/County/Households/Edit", new Dictionary<string, string>
        {
            ["Input.HeadName"] = "蓝秀英", ["Input.IdNumber"] = "451029198503127710", ["Input.Village"] = "八渡村", ["Input.Size"] = "4",
            ["Input.Status"] = "Monitored", ["Input.BaselineIncome"] = decimal.MaxValue.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.ErrorsIn(await response.Content.ReadAsStringAsync()).ShouldContain("申报年收入（元）必须在 0 到 10000000 之间");
    }

    [Fact]
    public async Task An_overflowing_tier_price_is_refused_on_the_form()
    {
        var manager = await SignInAsync("supplier@aidmarket.demo");
        var response = await manager.SubmitAsync("/Supplier/Products/Edit", ProductCertificationTests.ProductForm(price1: decimal.MaxValue.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.ErrorsIn(await response.Content.ReadAsStringAsync()).ShouldContain("金额过大");
    }

    [Fact]
    public async Task Lot_quantities_whose_total_overflows_and_a_blank_lot_number_are_refused_on_the_form()
    {
        var manager = await SignInAsync("supplier@aidmarket.demo");
        var product = await ProductIdAsync();
        var linked = await App.QueryAsync(db => db.BenefitLinks.Where(k => db.Products.Any(p => p.Id == product && p.SupplierId == k.SupplierId))
            .Select(k => k.HouseholdId).Take(2).ToListAsync());
        var form = new Dictionary<string, string> { ["LotCode"] = "HUGE-01", ["ProducedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd") };
        foreach (var household in linked) form[$"Quantities[{household}]"] = decimal.MaxValue.ToString();

        var huge = await manager.SubmitAsync($"/Supplier/Products/Lot/{product}", form);
        Browser.ErrorsIn(await huge.Content.ReadAsStringAsync()).ShouldContain("数量过大");
        var blank = await manager.SubmitAsync($"/Supplier/Products/Lot/{product}", new Dictionary<string, string>(form) { ["LotCode"] = "  \u3000 " });
        Browser.ErrorsIn(await blank.Content.ReadAsStringAsync()).ShouldContain("请输入批次号");
        (await App.QueryAsync(db => db.ProductLots.CountAsync(l => l.LotCode == "HUGE-01"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_blank_card_code_or_legal_name_is_asked_for_again()
    {
        var manager = await SignInAsync("supplier@aidmarket.demo");
        var link = await manager.SubmitAsync("/Supplier/Links", new Dictionary<string, string> { ["Input.CardCode"] = "   ", ["Input.Kind"] = "ProduceSupply" });
        Browser.ErrorsIn(await link.Content.ReadAsStringAsync()).ShouldContain("请输入明白卡编号");

        var register = await (await SignInAsync("partner@aidmarket.demo")).SubmitAsync("/Suppliers/Register",
            new Dictionary<string, string> { ["Input.LegalName"] = " \t ", ["Input.CreditCode"] = "x" });
        Browser.ErrorsIn(await register.Content.ReadAsStringAsync()).ShouldContain("请输入主体名称");
    }
}
