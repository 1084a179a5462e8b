using Microsoft.Playwright;

namespace AidMarket.BrowserTests.Pages;

/// <summary>The login page, found by its labels and roles as a person would (labels in the page's language).</summary>
public class LoginPage(IPage page, bool english = false)
{
    public ILocator Email => page.GetByLabel(english ? "Email" : "邮箱");
    public ILocator Password => page.GetByLabel(english ? "Password" : "密码", new() { Exact = true });
    public ILocator Submit => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = english ? "Log in" : "登录" });
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task OpenAsync() => await page.GotoAsync("/Identity/Account/Login");

    public async Task LogInAsync(string email, string password)
    {
        await OpenAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
