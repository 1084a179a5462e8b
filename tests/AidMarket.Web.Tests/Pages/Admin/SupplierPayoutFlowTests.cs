using System.Text;
using AidMarket.Domain.Payments;
using static AidMarket.Web.Tests.Infrastructure.HouseholdCredits;

namespace AidMarket.Web.Tests.Pages.Admin;

/// <summary>供应商付款: platform finance pays suppliers their payable balance in a bank batch and records the bank's answer once.</summary>
public class SupplierPayoutFlowTests(AppFixture app) : WebTest(app)
{
    private Task<long> SupplierBalanceAsync(Guid supplierId) => App.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT coalesce(-sum(amount_fen), 0)::bigint AS \"Value\" FROM postings WHERE account = {"supplier:" + supplierId.ToString("D")}").SingleAsync());

    private static Task<HttpResponseMessage> MarkAsync(Browser admin, Guid batchId, Guid payoutId, string handler, string field, string value) =>
        PayoutForms.MarkPayoutAsync(admin, batchId, payoutId, handler, field, value);

    [Fact]
    public async Task A_bank_batch_pays_each_supplier_its_balance_once_and_a_failed_payout_is_owed_again()
    {
        var h1 = (await HouseholdsAsync(App))[0];
        var (supplierId, _) = await CreditAsync(App, (h1.Id, 1_001)); // the supplier's part is three times the share: ¥30.03
        (await SupplierBalanceAsync(supplierId)).ShouldBe(3_003);
        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("admin@aidmarket.demo");
        var supplierName = await App.QueryAsync(db => db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.LegalName).SingleAsync());
        var list = await admin.GetPageAsync("/Admin/Payouts");
        list.ShouldContain(supplierName);
        list.ShouldContain("银行批量付款");

        var created = await PayoutForms.CreatePayoutBatchAsync(admin);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await created.Content.ReadAsStringAsync()));
        var batchId = Browser.RedirectId(created);
        var payout = await App.QueryAsync(db => db.SupplierPayouts.SingleAsync());
        (payout.BatchId, payout.Amount.Fen, payout.Method, payout.Status).ShouldBe((batchId, 3_003L, PayoutMethod.BankBatch, PayoutStatus.Pending));
        (await SupplierBalanceAsync(supplierId)).ShouldBe(0);
        var nothing = await PayoutForms.CreatePayoutBatchAsync(admin);
        (await nothing.Content.ReadAsStringAsync()).ShouldContain("没有待付款余额的供应商");

        var export = await admin.SubmitAsync($"/Admin/Payouts/Details/{batchId}", new Dictionary<string, string>(), $"/Admin/Payouts/Details/{batchId}?handler=Export");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var supplier = await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.Id == supplierId));
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["供应商,开户银行,收款账号,金额（元）,明细编号", $"{supplier.LegalName},{supplier.BankName},{supplier.BankAccount},30.03,{payout.Id}"]);

        (await MarkAsync(admin, batchId, payout.Id, "Failed", "reason", "户名不符")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SupplierBalanceAsync(supplierId)).ShouldBe(3_003);
        var again = await MarkAsync(admin, batchId, payout.Id, "Paid", "reference", "X");
        (await again.Content.ReadAsStringAsync()).ShouldContain("该笔付款已标记过成功或失败");
        (await App.QueryAsync(db => db.SupplierPayouts.SingleAsync())).Status.ShouldBe(PayoutStatus.Failed);
        (await UnbalancedEntriesAsync(App)).ShouldBe(0);
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Audit.PayoutBatchCreated" || a.Action == "Audit.PayoutFailed"))).ShouldBe(2);
    }

    [Fact]
    public async Task Two_answers_to_one_payout_at_once_record_one_and_only_platform_admins_reach_payouts()
    {
        var h1 = (await HouseholdsAsync(App))[0];
        await CreditAsync(App, (h1.Id, 500));
        var admins = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var b = NewBrowser();
            await b.LogInOrThrowAsync("admin@aidmarket.demo");
            return b;
        }));
        var created = await PayoutForms.CreatePayoutBatchAsync(admins[0]);
        var batchId = Browser.RedirectId(created);
        var payout = await App.QueryAsync(db => db.SupplierPayouts.SingleAsync());
        var answers = await Task.WhenAll(admins.Select((a, i) => i % 2 == 0
            ? MarkAsync(a, batchId, payout.Id, "Paid", "reference", $"R{i}")
            : MarkAsync(a, batchId, payout.Id, "Failed", "reason", "退回")));
        answers.ShouldAllBe(r => (int)r.StatusCode < 500);
        answers.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var settled = await App.QueryAsync(db => db.SupplierPayouts.SingleAsync());
        (await App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.Kind == Domain.Ledger.JournalEntryKind.SupplierPayoutFailed)))
            .ShouldBe(settled.Status == PayoutStatus.Failed ? 1 : 0);

        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        (await officer.GetAsync("/Admin/Payouts")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await officer.GetAsync($"/Admin/Payouts/Details/{batchId}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_Stripe_a_supplier_with_a_connected_account_is_paid_in_the_bank_batch_with_the_others()
    {
        var (connect, bank) = await SettledSuppliers.SeedAsync(App);
        await SettledSuppliers.ConnectAsync(App);
        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("admin@aidmarket.demo");
        var list = await admin.GetPageAsync("/Admin/Payouts");
        list.ShouldNotContain("Stripe Connect");
        list.ShouldNotContain(SettledSuppliers.Account);
        list.ShouldNotContain("handler=Connect");
        var stripe = await admin.SubmitAsync("/Admin/Payouts", new Dictionary<string, string>(), "/Admin/Payouts?handler=Connect");
        Browser.ErrorsIn(await stripe.Content.ReadAsStringAsync()).ShouldContain("目前没有通过 Stripe Connect 收款且有待付款余额的供应商");

        var created = await admin.SubmitAsync("/Admin/Payouts", new Dictionary<string, string>(), "/Admin/Payouts?handler=Create");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await created.Content.ReadAsStringAsync()));
        var payouts = await App.QueryAsync(db => db.SupplierPayouts.ToListAsync());
        payouts.Select(p => p.SupplierId).ShouldBe([connect, bank], ignoreOrder: true);
        payouts.ShouldAllBe(p => p.Method == PayoutMethod.BankBatch && p.BatchId != null && p.StripeAccountId == null);
        (await SupplierBalanceAsync(connect)).ShouldBe(0);
        (await SupplierBalanceAsync(bank)).ShouldBe(0);
        await SettledSuppliers.BooksHoldAsync(App);
    }
}
