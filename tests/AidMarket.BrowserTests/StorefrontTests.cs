using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AidMarket.BrowserTests;

public class StorefrontTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_storefront_lists_certified_products_in_Chinese_by_default()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(new Layout(page).Heading).ToHaveTextAsync("认定帮扶产品");
        var products = page.GetByRole(AriaRole.List, new() { Name = "商品" }).GetByRole(AriaRole.Article);
        await Expect(products).ToHaveCountAsync(18);
        var mushrooms = products.Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "田林姬松茸干品" }) });
        await Expect(mushrooms).ToContainTextAsync("田林县姬松茸种植专业合作社");
        await Expect(mushrooms).ToContainTextAsync("¥98.00");
        await Expect(mushrooms).ToContainTextAsync("绿色食品");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("storefront-zh"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_turns_every_page_English_and_is_remembered()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var layout = new Layout(page);

        await layout.SwitchToEnglishAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(layout.Heading).ToHaveTextAsync("Certified assistance products");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tianlin dried Agaricus blazei" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("storefront-en"), FullPage = true });

        await page.GotoAsync("/Identity/Account/Login");
        await Expect(layout.Heading).ToHaveTextAsync("Log in");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
        await new LoginPage(page, english: true).LogInAsync("purchaser@aidmarket.demo", "Demo@2026");
        await Expect(layout.CurrentRole).ToHaveTextAsync("Purchaser");

        await layout.SwitchToChineseAsync();
        await Expect(layout.Heading).ToHaveTextAsync("认定帮扶产品");
        await Expect(layout.CurrentRole).ToHaveTextAsync("采购员");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_stylesheets_come_from_the_top_level_wwwroot_and_apply()
    {
        var page = await app.NewPageAsync();
        var styles = new List<IResponse>();
        page.Response += (_, response) => { if (response.Request.ResourceType == "stylesheet") styles.Add(response); };
        await page.GotoAsync("/");

        Assert.Contains(styles, r => r.Url.Contains("/css/site.css") && r.Status == 200);
        Assert.Contains(styles, r => r.Url.Contains("/lib/bootstrap/css/bootstrap.min.css") && r.Status == 200);
        // Bootstrap's .bg-success on the navigation bar, and site.css's price colour.
        await Expect(page.Locator("nav.navbar")).ToHaveCSSAsync("background-color", "rgb(25, 135, 84)");
        await Expect(page.Locator(".price").First).ToHaveCSSAsync("color", "rgb(176, 42, 55)");
        await page.Context.CloseAsync();
    }
}
