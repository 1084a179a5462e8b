using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
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

/// <summary>
/// Money in to household statement: one invoice paid part by bank transfer (recorded by platform finance) and the rest online
/// through Stripe's checkout (faked); the order settles and a household of the lot reads its share on its statement, to the fen.
/// </summary>
public class PaymentToStatementTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Product = "田林姬松茸干品";

    private async Task<IPage> LogInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).LogInAsync(email, DemoSeeder.DemoPassword);
        return page;
    }

    [Fact]
    public async Task An_invoice_paid_by_transfer_and_online_credits_the_lots_households_as_their_statement_shows()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await ProcurementSteps.AddToCartAsync(purchaser, "松茸", Product, 20);
        var orderUrl = await ProcurementSteps.SubmitCartAsync(purchaser, "广州市海珠区江南大道中1号机关食堂");
        await ProcurementSteps.ConfirmAndShipAsync(await LogInAsync("supplier@aidmarket.demo"), Product, 20);
        await ProcurementSteps.AcceptAllAsync(await LogInAsync("receiver@aidmarket.demo"), orderUrl, Product, 20);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var invoice = await db.Invoices.OrderByDescending(i => i.IssuedAt).FirstAsync();

        // Platform finance records a transfer of part of it, quoting the reference.
        var admin = await LogInAsync("admin@aidmarket.demo");
        await admin.GotoAsync("/Admin/Payments");
        await admin.GetByLabel("到账日期").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await admin.GetByLabel("金额（元）").FillAsync("960.00");
        await admin.GetByLabel("摘要或付款识别码").FillAsync($"货款 {invoice.Reference}");
        await admin.GetByLabel("银行回单号").FillAsync($"ABC-{invoice.Reference}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "登记转账" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Main)).ToContainTextAsync("已匹配，部分付款");

        // Buyer finance pays the rest online.
        var finance = await LogInAsync("finance@aidmarket.demo");
        await finance.GotoAsync($"/Buyer/Invoices/Details/{invoice.Id}");
        await Expect(finance.GetByTestId("invoice-outstanding")).ToHaveTextAsync(new Money(invoice.Amount.Fen - 96_000).ToString());
        await finance.GetByRole(AriaRole.Button, new() { Name = "在线支付" }).ClickAsync();
        await Expect(finance.GetByRole(AriaRole.Heading, new() { Name = "Fake Stripe Checkout" })).ToBeVisibleAsync();
        await finance.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        for (var attempt = 0; attempt < 40 && await finance.GetByTestId("invoice-status").TextContentAsync() != "已付清"; attempt++)
        {
            await Task.Delay(250);
            await finance.ReloadAsync();
        }
        await Expect(finance.GetByTestId("invoice-status")).ToHaveTextAsync("已付清");
        await finance.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("invoice-transfer-and-online-zh"), FullPage = true });

        // Settled once; the household share went to the lot's households. Take one of them and its credit from the ledger.
        var settlement = await Eventually(async () => await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.SupplierOrderId == invoice.SupplierOrderId));
        var entry = await db.JournalEntries.AsNoTracking().SingleAsync(e => e.Id == settlement.JournalEntryId);
        var credit = entry.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable).OrderBy(p => p.Amount.Fen).First();
        var householdId = credit.Account.OwnerId!.Value;
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == householdId);
        var lastFour = app.Factory.Services.GetRequiredService<SensitiveData>().Unseal(household.IdNumberCipher)[^4..];
        var balance = -await db.Database.SqlQuery<long>($"SELECT coalesce(sum(amount_fen), 0) AS \"Value\" FROM postings WHERE account = {credit.Account.ToString()}").SingleAsync();

        var phone = await app.NewPageAsync();
        await phone.GotoAsync($"/Statement?card={household.CardCode}");
        var statement = new StatementPage(phone);
        await statement.LookUpAsync(lastFour);
        await Expect(statement.Credits).ToContainTextAsync(Product);
        await Expect(statement.Credits).ToContainTextAsync((-credit.Amount).ToString());
        await Expect(statement.Balance).ToHaveTextAsync(new Money(balance).ToString());
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("statement-zh"), FullPage = true });

        // The same statement in English.
        await phone.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await phone.GotoAsync($"/Statement?card={household.CardCode}");
        await phone.GetByLabel("Last four characters of the head of household's ID number").FillAsync(lastFour);
        await phone.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "View the statement" }).ClickAsync();
        await Expect(phone.GetByTestId("balance")).ToHaveTextAsync(new Money(balance).ToString());
        await phone.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("statement-en"), FullPage = true });

        // The ledger still holds every rule.
        await admin.GotoAsync("/Admin/Ledger");
        await admin.GetByRole(AriaRole.Button, new() { Name = "开始核验" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("账目无误");
        await admin.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("ledger-check-zh"), FullPage = true });
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await probe() is { } value) return value;
            if (attempt > 100) throw new TimeoutException("not settled in time");
            await Task.Delay(200);
        }
    }
}
