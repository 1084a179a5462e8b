using Microsoft.Playwright;

namespace AidMarket.BrowserTests.Pages;

/// <summary>The public 明白卡 statement page, in Chinese, as a household reads it.</summary>
public class StatementPage(IPage page)
{
    public ILocator CardCode => page.GetByLabel("明白卡编号");
    public ILocator LastFour => page.GetByLabel("户主身份证号后四位");
    public ILocator Submit => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "查询" });
    public ILocator Credits => page.GetByRole(AriaRole.Table, new() { Name = "收益入账" });
    public ILocator Balance => page.GetByTestId("balance");
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task LookUpAsync(string lastFour)
    {
        await LastFour.FillAsync(lastFour);
        await Submit.ClickAsync();
    }
}
