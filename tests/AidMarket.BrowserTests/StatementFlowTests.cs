using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using AidMarket.Testing;
using AidMarket.Web.Data;
using AidMarket.Web.Data.Seed;
using AidMarket.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace AidMarket.BrowserTests;

/// <summary>明白卡: the county officer prints a household's card; the household follows its QR link and sees its income to the fen.</summary>
public class StatementFlowTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_household_opens_its_statement_from_its_card_and_sees_its_credit()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var county = await db.Organizations.Where(o => o.Name == "田林县乡村振兴局").Select(o => o.CountyCode).SingleAsync();
        var household = await db.Households.Where(h => h.CountyCode == county).OrderBy(h => h.CardCode).FirstAsync();
        await LedgerSeeding.CreditAsync(app.Factory.Services, (household.Id, 2_468));
        var lastFour = app.Factory.Services.GetRequiredService<SensitiveData>().Unseal(household.IdNumberCipher)[^4..];

        // The officer prints the card; its QR code carries the statement page with the card code.
        var officer = await app.NewPageAsync();
        await new LoginPage(officer).LogInAsync("officer@aidmarket.demo", DemoSeeder.DemoPassword);
        await officer.GotoAsync($"/County/Households/Details/{household.Id}");
        await officer.GetByRole(AriaRole.Link, new() { Name = "打印明白卡" }).ClickAsync();
        var qr = officer.GetByRole(AriaRole.Img, new() { Name = $"扫码打开明白卡 {household.CardCode} 的查询页面" });
        await Expect(qr).ToBeVisibleAsync();
        var url = await qr.GetAttributeAsync("data-url");

        var phone = await app.NewPageAsync();
        await phone.GotoAsync(url!);
        var statement = new StatementPage(phone);
        await Expect(statement.CardCode).ToHaveValueAsync(household.CardCode);
        await statement.LookUpAsync(lastFour == "0000" ? "0001" : "0000");
        await Expect(statement.Error).ToContainTextAsync("不匹配");
        await statement.LookUpAsync(lastFour);
        await Expect(statement.Credits).ToContainTextAsync(LedgerSeeding.DemoProduct);
        await Expect(statement.Credits).ToContainTextAsync("¥24.68");
        await Expect(statement.Balance).ToHaveTextAsync("¥24.68");
        phone.Url.ShouldNotContain(lastFour);
    }
}
