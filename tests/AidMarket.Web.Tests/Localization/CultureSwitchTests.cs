namespace AidMarket.Web.Tests.Localization;

public class CultureSwitchTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task English_is_switchable_and_remembered_across_pages()
    {
        var browser = NewBrowser();
        (await browser.GetPageAsync("/")).ShouldContain("action=\"/culture\"");
        var switched = await browser.GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString("/Identity/Account/Login"));
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/Identity/Account/Login");

        var login = await browser.GetPageAsync("/Identity/Account/Login");
        login.ShouldContain("<html lang=\"en\">");
        login.ShouldContain(">Log in</h1>");

        var storefront = await browser.GetPageAsync("/");
        storefront.ShouldContain("Certified assistance products");
        storefront.ShouldContain("Tianlin dried Agaricus blazei");
        storefront.ShouldContain("Green food");
        storefront.ShouldContain("¥98.00");
    }

    [Fact]
    public async Task The_culture_switch_refuses_to_redirect_off_site()
    {
        var browser = NewBrowser();
        var response = await browser.GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString("//evil.example/"));
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Theory]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/County/Households", "/County/Households")]
    public async Task The_culture_switch_only_returns_to_this_site(string returnUrl, string expected)
    {
        var browser = NewBrowser();
        var response = await browser.GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }
}
