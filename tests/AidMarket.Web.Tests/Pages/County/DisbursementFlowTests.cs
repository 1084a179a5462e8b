using System.Text;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using static AidMarket.Web.Tests.Infrastructure.HouseholdCredits;

namespace AidMarket.Web.Tests.Pages.CountyDesk;

/// <summary>收益发放: the county officer pays households what the ledger owes them, through a file for the bank and the bank's answer per line.</summary>
public class DisbursementFlowTests(AppFixture app) : WebTest(app)
{
    private async Task<Browser> OfficerAsync(string email = "officer@aidmarket.demo")
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync(email);
        return browser;
    }

    private static async Task<Guid> CreateBatchAsync(Browser officer, string minimum = "")
    {
        var created = await PayoutForms.CreateDisbursementBatchAsync(officer, minimum);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await created.Content.ReadAsStringAsync()));
        return Browser.RedirectId(created);
    }

    private static Task<HttpResponseMessage> MarkAsync(Browser officer, Guid batchId, Guid lineId, string handler, string field, string value) =>
        PayoutForms.MarkDisbursementAsync(officer, batchId, lineId, handler, field, value);

    [Fact]
    public async Task A_batch_pays_every_balance_through_a_bank_file_and_a_failed_line_is_owed_again()
    {
        var households = await HouseholdsAsync(App);
        var (h1, h2) = (households[0], households[1]);
        await CreditAsync(App, (h1.Id, 12_345), (h2.Id, 678));
        await CreditAsync(App, (h1.Id, 5));
        var officer = await OfficerAsync();
        var list = await officer.GetPageAsync("/County/Disbursements");
        list.ShouldContain(h1.HeadName);
        list.ShouldContain("¥123.50");

        var batchId = await CreateBatchAsync(officer);
        var batch = await App.QueryAsync(db => db.DisbursementBatches.SingleAsync(b => b.Id == batchId));
        batch.Lines.Select(l => (l.HouseholdId, l.Amount.Fen)).OrderBy(x => x.Fen).ShouldBe([(h2.Id, 678L), (h1.Id, 12_350L)]);
        (await App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.SourceKey == SourceKeys.DisbursementSent(batchId)))).ShouldBe(1);
        (await BalanceAsync(App, h1.Id)).ShouldBe(0);
        (await officer.GetPageAsync("/County/Disbursements")).ShouldContain("本县目前没有待发放收益的脱贫户");

        // The bank's file: UTF-8 with a BOM, a row per household, amounts exact to the fen, the full account the bank pays into.
        var export = await officer.SubmitAsync($"/County/Disbursements/Details/{batchId}", new Dictionary<string, string>(),
            $"/County/Disbursements/Details/{batchId}?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(3);
        rows[0].ShouldBe("明白卡编号,户名,收款账号,金额（元）,明细编号");
        var sensitive = App.Factory.Services.GetRequiredService<SensitiveData>();
        var line1 = batch.Lines.Single(l => l.HouseholdId == h1.Id);
        rows.ShouldContain($"{h1.CardCode},{h1.HeadName},{sensitive.Unseal(h1.PayoutAccountCipher!)},123.50,{line1.Id}");
        rows.ShouldContain(r => r.StartsWith($"{h2.CardCode},{h2.HeadName},") && r.Contains(",6.78,"));
        (await App.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()))
            .ShouldBeSubsetOf(["Audit.DisbursementBatchCreated", "Audit.DisbursementFileExported"]);

        var line2 = batch.Lines.Single(l => l.HouseholdId == h2.Id);
        (await MarkAsync(officer, batchId, line1.Id, "Paid", "reference", "HN-001")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var noReason = await MarkAsync(officer, batchId, line2.Id, "Failed", "reason", " ");
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写原因");
        (await MarkAsync(officer, batchId, line2.Id, "Failed", "reason", "账户已销户")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await MarkAsync(officer, batchId, line2.Id, "Paid", "reference", "HN-002");
        (await again.Content.ReadAsStringAsync()).ShouldContain("该笔发放已标记过成功或失败");

        (await BalanceAsync(App, h1.Id)).ShouldBe(0);
        (await BalanceAsync(App, h2.Id)).ShouldBe(678);
        (await App.QueryAsync(db => db.Database.SqlQuery<long>($"SELECT coalesce(sum(amount_fen), 0)::bigint AS \"Value\" FROM postings WHERE account = 'disbursements-in-transit'").SingleAsync())).ShouldBe(0);
        (await UnbalancedEntriesAsync(App)).ShouldBe(0);
        var details = await officer.GetPageAsync($"/County/Disbursements/Details/{batchId}");
        details.ShouldContain("发放失败，已退回余额");
        details.ShouldContain("HN-001");

        // The failed household's money goes out in the next batch, and only it.
        var next = await CreateBatchAsync(officer);
        (await App.QueryAsync(db => db.DisbursementBatches.SingleAsync(b => b.Id == next))).Lines.ShouldHaveSingleItem().Amount.Fen.ShouldBe(678);
    }

    [Fact]
    public async Task Officers_answering_one_line_at_once_settle_it_once()
    {
        var h1 = (await HouseholdsAsync(App))[0];
        await CreditAsync(App, (h1.Id, 10_000));
        var officers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OfficerAsync()));
        var batchId = await CreateBatchAsync(officers[0]);
        var lineId = (await App.QueryAsync(db => db.DisbursementBatches.SingleAsync(b => b.Id == batchId))).Lines.Single().Id;
        var answers = await Task.WhenAll(officers.Select((o, i) => i % 2 == 0
            ? MarkAsync(o, batchId, lineId, "Paid", "reference", $"R{i}")
            : MarkAsync(o, batchId, lineId, "Failed", "reason", "退回")));
        answers.ShouldAllBe(r => (int)r.StatusCode < 500);
        answers.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var key = SourceKeys.DisbursementLine(batchId, h1.Id);
        (await App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.SourceKey == key))).ShouldBe(1);
        var line = (await App.QueryAsync(db => db.DisbursementBatches.SingleAsync(b => b.Id == batchId))).Lines.Single();
        line.Status.ShouldNotBe(DisbursementStatus.Pending);
        (await BalanceAsync(App, h1.Id)).ShouldBe(line.Status == DisbursementStatus.Failed ? 10_000 : 0);
        (await UnbalancedEntriesAsync(App)).ShouldBe(0);
    }

    [Fact]
    public async Task An_officer_of_another_county_cannot_see_or_answer_the_batch_or_print_its_cards()
    {
        var h1 = (await HouseholdsAsync(App))[0];
        await CreditAsync(App, (h1.Id, 10_000));
        var batchId = await CreateBatchAsync(await OfficerAsync());
        var lineId = (await App.QueryAsync(db => db.DisbursementBatches.SingleAsync(b => b.Id == batchId))).Lines.Single().Id;
        await App.CreateUserAsync("officer@wengan.test", OtherCountyOffice, AidMarket.Domain.Organizations.OrganizationRole.Officer);
        var other = await OfficerAsync("officer@wengan.test");

        (await other.GetAsync($"/County/Disbursements/Details/{batchId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = Browser.TokenFrom(await other.GetPageAsync("/County/Disbursements"));
        (await other.PostWithTokenAsync($"/County/Disbursements/Details/{batchId}?handler=Paid&lineId={lineId}", new Dictionary<string, string>(), token))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostWithTokenAsync($"/County/Disbursements/Details/{batchId}?handler=Export", new Dictionary<string, string>(), token))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/County/Disbursements")).ShouldNotContain(h1.CardCode);
        (await other.GetAsync($"/County/Households/Cards?id={h1.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/County/Households/Cards?village={Uri.EscapeDataString(h1.Village)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.QueryAsync(db => db.DisbursementBatches.SingleAsync(b => b.Id == batchId))).Lines.Single().Status.ShouldBe(DisbursementStatus.Pending);
        var supplier = NewBrowser();
        await supplier.LogInOrThrowAsync("supplier@aidmarket.demo");
        (await supplier.GetAsync("/County/Disbursements")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
