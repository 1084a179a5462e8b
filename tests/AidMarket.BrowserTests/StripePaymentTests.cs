using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AidMarket.BrowserTests;

/// <summary>A canteen's finance pays an invoice online: Stripe's hosted checkout (faked), back to the invoice, paid.</summary>
public class StripePaymentTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "Demo@2026";
    private const string Product = "田林姬松茸干品";

    private async Task<IPage> LogInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).LogInAsync(email, Password);
        return page;
    }

    [Fact]
    public async Task Finance_pays_an_invoice_online_and_sees_it_paid()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await ProcurementSteps.AddToCartAsync(purchaser, "松茸", Product, 20);
        var orderUrl = await ProcurementSteps.SubmitCartAsync(purchaser, "广州市海珠区江南大道中1号机关食堂");
        await ProcurementSteps.ConfirmAndShipAsync(await LogInAsync("supplier@aidmarket.demo"), Product, 20);
        await ProcurementSteps.AcceptAllAsync(await LogInAsync("receiver@aidmarket.demo"), orderUrl, Product, 20);

        var finance = await LogInAsync("finance@aidmarket.demo");
        await new Layout(finance).Navigation.GetByRole(AriaRole.Link, new() { Name = "付款通知书" }).ClickAsync();
        await finance.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^AM") }).First.ClickAsync();
        var outstanding = await finance.GetByTestId("invoice-outstanding").TextContentAsync();
        await finance.GetByRole(AriaRole.Button, new() { Name = "在线支付" }).ClickAsync();

        await Expect(finance.GetByRole(AriaRole.Heading, new() { Name = "Fake Stripe Checkout" })).ToBeVisibleAsync();
        await Expect(finance.GetByRole(AriaRole.Main)).ToContainTextAsync(outstanding!.Replace("¥", "").Replace(",", ""));
        await finance.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        await Expect(finance).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Buyer/Invoices/Details/.*stripe=success"));
        for (var attempt = 0; attempt < 40 && await finance.GetByTestId("invoice-status").TextContentAsync() != "已付清"; attempt++)
        {
            await Task.Delay(250);
            await finance.ReloadAsync();
        }
        await Expect(finance.GetByTestId("invoice-status")).ToHaveTextAsync("已付清");
        await Expect(finance.GetByTestId("invoice-outstanding")).ToHaveTextAsync("¥0.00");
        await Expect(finance.GetByRole(AriaRole.Button, new() { Name = "在线支付" })).ToHaveCountAsync(0);
        await finance.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("invoice-paid-online-zh"), FullPage = true });
    }
}
