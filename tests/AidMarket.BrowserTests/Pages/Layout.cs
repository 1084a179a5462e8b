using Microsoft.Playwright;

namespace AidMarket.BrowserTests.Pages;

/// <summary>The shared layout: main navigation, the signed-in user's role, the language switch.</summary>
public class Layout(IPage page)
{
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation).First;
    public ILocator CurrentRole => page.GetByTestId("current-role");
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator DemoBanner => page.GetByRole(AriaRole.Note);

    public Task SwitchToEnglishAsync() => page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
    public Task SwitchToChineseAsync() => page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();

    public ILocator AccountMenu => page.GetByTestId("account-menu");

    public async Task LogOutAsync(bool english = false)
    {
        await AccountMenu.ClickAsync();
        await Navigation.GetByRole(AriaRole.Button, new() { Name = english ? "Log out" : "退出登录" }).ClickAsync();
    }
}
