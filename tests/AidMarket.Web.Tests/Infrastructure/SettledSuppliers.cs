using AidMarket.Testing;
using AidMarket.Web.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>
/// Two demo suppliers owed money by real settlements (so the books pass the integrity check): the cooperative that
/// supplier@aidmarket.demo manages, which can be given a Stripe connected account, and another that is paid by bank.
/// </summary>
public static class SettledSuppliers
{
    public const string ConnectProduct = "田林姬松茸干品";
    public const string BankProduct = "八渡笋干";
    public const string Account = "acct_1Nv0FGQ9RKHgCVdK";

    /// <summary>One paid order of each supplier, settled by the settlement runner; the two suppliers' ids.</summary>
    public static async Task<(Guid Connect, Guid Bank)> SeedAsync(AppFixture app)
    {
        await DueOrderSeed.SeedAsync(app.Database.ConnectionString, 1, householdsPerLot: 2, households: 4, tag: "CN", product: ConnectProduct);
        await DueOrderSeed.SeedAsync(app.Database.ConnectionString, 1, householdsPerLot: 2, households: 4, tag: "BK", product: BankProduct);
        (await app.Factory.Services.GetRequiredService<SettlementRunner>().SettleAllDueAsync(CancellationToken.None)).ShouldBe(2);
        return await app.QueryAsync(async db => (
            await db.Products.Where(p => p.NameZh == ConnectProduct).Select(p => p.SupplierId).SingleAsync(),
            await db.Products.Where(p => p.NameZh == BankProduct).Select(p => p.SupplierId).SingleAsync()));
    }

    /// <summary>The supplier's manager saves its connected account on its own workspace page.</summary>
    public static async Task ConnectAsync(AppFixture app, string account = Account)
    {
        var manager = await PaymentScenario.LogInAsync(app, "supplier@aidmarket.demo");
        var saved = await manager.SubmitAsync("/Supplier", new Dictionary<string, string> { ["StripeAccount"] = account }, "/Supplier?handler=StripeAccount");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await saved.Content.ReadAsStringAsync()));
    }

    /// <summary>What the ledger owes the supplier, straight from its postings.</summary>
    public static Task<long> BalanceAsync(AppFixture app, Guid supplierId) => app.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT coalesce(-sum(amount_fen), 0)::bigint AS \"Value\" FROM postings WHERE account = {"supplier:" + supplierId.ToString("D")}").SingleAsync());

    /// <summary>Every rule of the ledger integrity check holds.</summary>
    public static async Task BooksHoldAsync(AppFixture app)
    {
        var report = await new LedgerIntegrity(app.Database.ConnectionString).VerifyAsync();
        report.Passed.ShouldBeTrue(string.Join("; ", report.Checks.SelectMany(c => c.Examples.Select(e => $"{c.Code}: {e}"))));
    }
}
