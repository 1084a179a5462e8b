using AidMarket.Testing;
using AidMarket.Web.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// 账务核验: the integrity check passes on a ledger the app wrote, and names the rule and the record when the books are
/// tampered with behind the database's back; the command exits non-zero on a violation; the admin page shows the same report
/// and the paid orders settlement could not take.
/// </summary>
public class LedgerIntegrityTests(AppFixture app) : WebTest(app)
{
    private async Task<int> SettledAsync(int orders)
    {
        await DueOrderSeed.SeedAsync(App.Database.ConnectionString, orders, householdsPerLot: 4, households: 40);
        return await App.Factory.Services.GetRequiredService<SettlementRunner>().SettleAllDueAsync(CancellationToken.None);
    }

    /// <summary>Changes the books as a superuser with the ledger's triggers switched off: what the check exists to catch.</summary>
    private Task TamperAsync(string sql) =>
#pragma warning disable EF1002 // the test's own SQL, no input
        App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync($"SET session_replication_role = replica; {sql}; SET session_replication_role = origin;"));
#pragma warning restore EF1002

    private Task<IntegrityReport> VerifyAsync() => new LedgerIntegrity(App.Database.ConnectionString).VerifyAsync();

    [Fact]
    public async Task A_ledger_written_by_the_app_passes_every_rule()
    {
        (await SettledAsync(30)).ShouldBe(30);

        var report = await VerifyAsync();

        report.Passed.ShouldBeTrue(string.Join("; ", report.Checks.SelectMany(c => c.Examples)));
        report.Checks.Count.ShouldBe(7);
        report.Checks.Single(c => c.Code == "settled-once").Checked.ShouldBe("30 settled orders, 30 settlements");
        // The admin page shows each rule and what it looked at in Chinese as well.
        var zh = System.Xml.Linq.XDocument.Load(Path.Combine(Hosting.HostingTests.RepositoryRoot(), "src", "AidMarket.Web", "Resources",
            "SharedResource.zh-Hans.resx")).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
        report.Checks.SelectMany(c => new[] { c.Title, c.CheckedFormat }).Where(k => !zh.Contains(k)).ShouldBeEmpty();
        report.Balances.Single(b => b.Kind == "escrow").Balance.Fen.ShouldBe(0);
        report.Balances.Sum(b => b.Balance.Fen).ShouldBe(0);
    }

    [Fact]
    public async Task A_changed_posting_an_extra_household_debit_and_a_missing_settlement_are_each_reported_under_their_rule()
    {
        await SettledAsync(10);
        var (entryId, order) = await App.QueryAsync(async db =>
        {
            var s = await db.Settlements.OrderBy(x => x.SupplierOrderId).FirstAsync();
            return (s.JournalEntryId, await db.SupplierOrders.Where(o => o.Id == s.SupplierOrderId).Select(o => o.OrderNumber).SingleAsync());
        });
        var household = await App.QueryAsync(db => db.Database.SqlQuery<string>(
            $"SELECT account AS \"Value\" FROM postings WHERE entry_id = {entryId} AND account LIKE 'household:%' LIMIT 1").SingleAsync());

        // One fen more to a household: the entry no longer balances and the settlement's credits exceed its share.
        await TamperAsync($"UPDATE postings SET amount_fen = amount_fen - 1 WHERE entry_id = '{entryId}' AND account = '{household}'");
        // A disbursement of more than the household was ever credited.
        await TamperAsync($"""
            INSERT INTO journal_entries (id, kind, source_key, occurred_at) VALUES ('00000000-0000-0000-0000-00000000d15b', 'DisbursementSent', 'disbursement:tampered', now());
            INSERT INTO postings (entry_id, account, amount_fen) VALUES ('00000000-0000-0000-0000-00000000d15b', '{household}', 99999999),
                ('00000000-0000-0000-0000-00000000d15b', 'disbursements-in-transit', -99999999)
            """);
        // An order marked settled whose settlement record is gone.
        var other = await App.QueryAsync(db => db.Settlements.OrderByDescending(x => x.SupplierOrderId).Select(x => x.SupplierOrderId).FirstAsync());
        await TamperAsync($"DELETE FROM settlements WHERE supplier_order_id = '{other}'");

        var report = await VerifyAsync();

        report.Passed.ShouldBeFalse();
        var failed = report.Checks.Where(c => !c.Passed).ToDictionary(c => c.Code);
        var examples = string.Join("; ", report.Checks.SelectMany(c => c.Examples.Select(e => $"{c.Code}: {e}")));
        failed.Keys.ShouldBe(["entries-balance", "accounts-known", "settled-once", "settlement-split", "disbursements-within-credits"], ignoreOrder: true, examples);
        failed["accounts-known"].Examples.ShouldBe(["all postings sum to -1 fen"]);
        failed["entries-balance"].Examples.ShouldContain(e => e.StartsWith("settlement:") && e.EndsWith("summing to -1 fen"));
        failed["settlement-split"].Examples.ShouldContain(e => e.Contains(order));
        failed["disbursements-within-credits"].Examples.ShouldContain(e => e.StartsWith(household));
        failed["settled-once"].Violations.ShouldBe(2); // marked settled without a record, and its entry without a record
    }

    [Fact]
    public async Task The_command_prints_what_it_checked_and_exits_non_zero_on_a_violation()
    {
        await SettledAsync(5);
        var root = AppProcess.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("aidmarket-verify-").FullName;

        var ok = await AppProcess.RunCommandAsync(root, App.Database.ConnectionString, work, ["ledger", "verify"]);
        ok.ExitCode.ShouldBe(0, ok.Output);
        ok.Output.ShouldContain("[ok] Every journal entry balances");
        ok.Output.ShouldContain("5 settled orders, 5 settlements");
        ok.Output.ShouldContain("Ledger OK: 7 rules hold");

        await TamperAsync("UPDATE invoices SET paid_fen = paid_fen + 100 WHERE id = (SELECT min(id::text)::uuid FROM invoices)");
        var violated = await AppProcess.RunCommandAsync(root, App.Database.ConnectionString, work, ["ledger", "verify"]);
        violated.ExitCode.ShouldBe(1, violated.Output);
        violated.Output.ShouldContain("[VIOLATED] Each invoice's paid amount equals its payments less its refunds");
        violated.Output.ShouldContain("Ledger VIOLATED: 1 violation(s) of 1 rule(s)");
    }

    [Fact]
    public async Task The_admin_page_runs_the_check_and_lists_paid_orders_that_cannot_be_settled_with_the_reason()
    {
        await DueOrderSeed.SeedAsync(App.Database.ConnectionString, 3, householdsPerLot: 2, households: 10);
        // One order shipped without a lot, from a supplier with no household link: settlement cannot split it.
        var stuck = await App.QueryAsync(db => db.SupplierOrders.OrderBy(o => o.OrderNumber).FirstAsync());
        await App.ExecuteAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE shipments SET lines = jsonb_set(lines, '{{0,LotId}}', 'null') WHERE supplier_order_id = {stuck.Id}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM benefit_links WHERE supplier_id = {stuck.SupplierId}");
        });
        (await App.Factory.Services.GetRequiredService<SettlementRunner>().SettleAllDueAsync(CancellationToken.None)).ShouldBe(2);

        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("admin@aidmarket.demo");
        var page = await admin.GetPageAsync("/Admin/Ledger");
        page.ShouldContain("已付款但未结算的订单");
        page.ShouldContain(stuck.OrderNumber);
        page.ShouldContain("未注明批次发出的货物，须有与帮扶主体联结的农户才能分配帮扶收益。");

        var verified = await admin.SubmitAsync("/Admin/Ledger", new Dictionary<string, string>(), "/Admin/Ledger?handler=Verify");
        var html = await verified.Content.ReadAsStringAsync();
        verified.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("账目无误：7 条规则全部成立");
        html.ShouldContain("每张记账凭证借贷平衡");
        html.ShouldContain("个已结算订单，");
        html.ShouldNotContain("settled orders");

        var finance = NewBrowser();
        await finance.LogInOrThrowAsync("finance@aidmarket.demo");
        (await finance.GetAsync("/Admin/Ledger")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}
