using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AidMarket.BrowserTests;

public class SignInTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "Demo@2026";

    [Theory]
    [InlineData("admin@aidmarket.demo", "管理员", "机构管理,成员")]
    [InlineData("officer@aidmarket.demo", "干部", "成员")]
    [InlineData("supplier@aidmarket.demo", "负责人", "成员")]
    [InlineData("purchaser@aidmarket.demo", "采购员", null)]
    [InlineData("approver@aidmarket.demo", "审批人", null)]
    [InlineData("finance@aidmarket.demo", "财务", null)]
    [InlineData("receiver@aidmarket.demo", "验收员", null)]
    [InlineData("buyeradmin@aidmarket.demo", "管理员", "成员")]
    [InlineData("partner@aidmarket.demo", "干部", "成员")]
    public async Task Each_demo_role_logs_in_sees_navigation_for_its_role_and_logs_out(string email, string role, string? extraLinks)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).LogInAsync(email, Password);

        var layout = new Layout(page);
        await Expect(layout.CurrentRole).ToHaveTextAsync(role);
        await Expect(layout.Heading).ToHaveTextAsync("认定帮扶产品");
        foreach (var link in new[] { "机构管理", "成员" })
        {
            var locator = layout.Navigation.GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
            if ((extraLinks ?? "").Split(',').Contains(link)) await Expect(locator).ToBeVisibleAsync();
            else await Expect(locator).ToHaveCountAsync(0);
        }

        await layout.LogOutAsync();
        await Expect(layout.CurrentRole).ToHaveCountAsync(0);
        await Expect(layout.Navigation.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_demo_data_every_page_shows_that_the_demo_password_is_public_in_the_users_language()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var layout = new Layout(page);
        await Expect(layout.DemoBanner).ToBeVisibleAsync();
        await Expect(layout.DemoBanner).ToHaveTextAsync("演示数据：演示账号的密码是公开的，请勿用于生产。");
        await new LoginPage(page).LogInAsync("officer@aidmarket.demo", Password);
        await Expect(layout.DemoBanner).ToBeVisibleAsync();
        await layout.SwitchToEnglishAsync();
        await Expect(layout.DemoBanner).ToHaveTextAsync("Demo data: the demo accounts' password is public; do not use in production.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_and_five_lock_the_account_on_the_login_page()
    {
        var page = await app.NewPageAsync();
        // A fresh account, so the demo users stay usable for the other tests.
        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("姓名").FillAsync("锁定测试");
        await page.GetByLabel("邮箱").FillAsync("lockout@example.cn");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("Lockout2026");
        await page.GetByLabel("确认密码").FillAsync("Lockout2026");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await new Layout(page).LogOutAsync();

        var login = new LoginPage(page);
        await login.LogInAsync("lockout@example.cn", "wrong-password");
        await Expect(login.Error).ToContainTextAsync("邮箱或密码不正确。");
        for (int i = 0; i < 4; i++) await login.LogInAsync("lockout@example.cn", "wrong-password");
        await Expect(login.Error).ToContainTextAsync("账户已被锁定");

        await login.LogInAsync("lockout@example.cn", "Lockout2026");
        await Expect(login.Error).ToContainTextAsync("账户已被锁定");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("login-locked-zh") });
        await page.Context.CloseAsync();
    }
}
