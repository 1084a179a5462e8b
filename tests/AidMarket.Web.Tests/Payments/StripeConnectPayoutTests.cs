using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Testing;
using AidMarket.Web.Payments;
using Microsoft.Extensions.DependencyInjection;
using static AidMarket.Web.Tests.Infrastructure.SettledSuppliers;

namespace AidMarket.Web.Tests.Payments;

/// <summary>
/// Supplier payouts through Stripe Connect (decision note 016), with the real Stripe.net client against <see cref="FakeStripe"/>:
/// a supplier with a connected account is paid by one transfer keyed by its payout id, recorded and posted before Stripe is
/// asked; the others stay in bank batches; a refusal owes the supplier again; retries and two admins at once transfer once;
/// a reversed transfer returns the payout once. The ledger integrity check holds at the end of each.
/// </summary>
public class StripeConnectPayoutTests(StripeAppFixture app) : WebTest<StripeAppFixture>(app)
{
    private FakeStripe Stripe => App.Stripe;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Stripe.Requests.Clear();
        Stripe.Transfers.Clear();
        Stripe.RefuseTransfersTo.Clear();
        Stripe.LoseTransferAnswers = 0;
    }

    /// <summary>The two suppliers settled, the cooperative connected to <see cref="SettledSuppliers.Account"/>: its id and what it is owed.</summary>
    private async Task<(Guid Connect, long Owed)> ConnectSupplierOwedAsync()
    {
        var (connect, _) = await SeedAsync(App);
        await ConnectAsync(App);
        return (connect, await BalanceAsync(App, connect));
    }

    private Task<Browser> AdminAsync() => PaymentScenario.LogInAsync(App, "admin@aidmarket.demo");

    private static Task<HttpResponseMessage> PayThroughStripeAsync(Browser admin) =>
        admin.SubmitAsync("/Admin/Payouts", new Dictionary<string, string>(), "/Admin/Payouts?handler=Connect");

    private List<FakeStripe.Request> TransferRequests => Stripe.Requests.Where(r => r.Path == "/v1/transfers" && r.Form["destination"] == Account).ToList();

    private Task<List<SupplierPayout>> ConnectPayoutsAsync() =>
        App.QueryAsync(db => db.SupplierPayouts.Where(p => p.Method == PayoutMethod.StripeConnect).OrderBy(p => p.CreatedAt).ToListAsync());

    private Task<int> EntriesAsync(JournalEntryKind kind) => App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.Kind == kind));

    [Fact]
    public async Task A_connect_supplier_is_paid_by_one_transfer_and_a_bank_supplier_of_the_same_run_goes_into_the_bank_batch()
    {
        var (connect, bank) = await SeedAsync(App);
        await ConnectAsync(App);
        var (owedConnect, owedBank) = (await BalanceAsync(App, connect), await BalanceAsync(App, bank));
        var admin = await AdminAsync();
        var list = await admin.GetPageAsync("/Admin/Payouts");
        list.ShouldContain("Stripe Connect 转账");
        list.ShouldContain(Account);
        list.ShouldContain("银行批量付款");

        var paid = await PayThroughStripeAsync(admin);
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await paid.Content.ReadAsStringAsync()));
        var payout = (await ConnectPayoutsAsync()).ShouldHaveSingleItem();
        var request = TransferRequests.ShouldHaveSingleItem();
        request.IdempotencyKey.ShouldBe($"supplier-payout:{payout.Id}");
        (request.Form["amount"], request.Form["currency"], request.Form["metadata[supplier_payout_id]"]).ShouldBe((owedConnect.ToString(), "cny", payout.Id.ToString()));
        var transfer = Stripe.Transfers.ShouldHaveSingleItem();
        (payout.SupplierId, payout.Amount.Fen, payout.StripeAccountId, payout.Status, payout.BankReference, payout.BatchId)
            .ShouldBe((connect, owedConnect, Account, PayoutStatus.Paid, (string?)transfer["id"], (Guid?)null));
        (await App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.SourceKey == SourceKeys.SupplierPayout(payout.Id)))).ShouldBe(1);
        (await BalanceAsync(App, connect)).ShouldBe(0);
        (await BalanceAsync(App, bank)).ShouldBe(owedBank);
        var page = await admin.GetPageAsync("/Admin/Payouts");
        page.ShouldContain("Stripe Connect：已转账 1 笔，被 Stripe 拒绝并退回应付 0 笔，等待 Stripe 确认 0 笔。");
        page.ShouldContain((string)transfer["id"]!);

        var batch = await admin.SubmitAsync("/Admin/Payouts", new Dictionary<string, string>(), "/Admin/Payouts?handler=Create");
        batch.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await batch.Content.ReadAsStringAsync()));
        var inBatch = await App.QueryAsync(db => db.SupplierPayouts.Where(p => p.BatchId != null).ToListAsync());
        inBatch.ShouldHaveSingleItem().SupplierId.ShouldBe(bank);
        inBatch[0].Amount.Fen.ShouldBe(owedBank);
        var again = await PayThroughStripeAsync(admin);
        Browser.ErrorsIn(await again.Content.ReadAsStringAsync()).ShouldContain("目前没有通过 Stripe Connect 收款且有待付款余额的供应商");
        Stripe.Transfers.Count.ShouldBe(1);
        (await EntriesAsync(JournalEntryKind.SupplierPayout)).ShouldBe(2);
        await BooksHoldAsync(App);
    }

    [Fact]
    public async Task A_transfer_Stripe_refuses_fails_the_payout_and_the_supplier_is_owed_again_for_the_next_run()
    {
        var (connect, owed) = await ConnectSupplierOwedAsync();
        Stripe.RefuseTransfersTo[Account] = "No such destination: 'acct_1Nv0FGQ9RKHgCVdK'";
        var admin = await AdminAsync();

        (await PayThroughStripeAsync(admin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var failed = (await ConnectPayoutsAsync()).ShouldHaveSingleItem();
        (failed.Status, failed.FailureReason).ShouldBe((PayoutStatus.Failed, "Stripe: No such destination: 'acct_1Nv0FGQ9RKHgCVdK'"));
        (await BalanceAsync(App, connect)).ShouldBe(owed);
        (await App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.SourceKey == SourceKeys.SupplierPayoutFailed(failed.Id)))).ShouldBe(1);
        var page = await admin.GetPageAsync("/Admin/Payouts");
        page.ShouldContain("被 Stripe 拒绝并退回应付 1 笔");
        page.ShouldContain("付款失败，已退回应付");
        Stripe.Transfers.ShouldBeEmpty();

        Stripe.RefuseTransfersTo.Clear();
        (await PayThroughStripeAsync(admin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var payouts = await ConnectPayoutsAsync();
        payouts.Count.ShouldBe(2);
        (payouts[1].Status, payouts[1].Amount.Fen).ShouldBe((PayoutStatus.Paid, owed));
        TransferRequests.Select(r => r.IdempotencyKey).ShouldBe([$"supplier-payout:{failed.Id}", $"supplier-payout:{payouts[1].Id}"]);
        (await BalanceAsync(App, connect)).ShouldBe(0);
        await BooksHoldAsync(App);
    }

    [Fact]
    public async Task A_payout_committed_before_a_crash_and_a_lost_answer_are_sent_again_with_the_same_key_and_transfer_once()
    {
        var (connect, owed) = await ConnectSupplierOwedAsync();
        // The app wrote the payout and its entry, then died before asking Stripe.
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AidMarket.Web.Data.AidMarketDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<SupplierPayouts>().CreateConnectPayoutsAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        var payout = (await ConnectPayoutsAsync()).ShouldHaveSingleItem();
        payout.Status.ShouldBe(PayoutStatus.Pending);
        (await BalanceAsync(App, connect)).ShouldBe(0);
        TransferRequests.ShouldBeEmpty();

        // Stripe makes the transfer but the answer is lost: the payout stays pending.
        Stripe.LoseTransferAnswers = 1;
        var admin = await AdminAsync();
        (await PayThroughStripeAsync(admin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ConnectPayoutsAsync()).Single().Status.ShouldBe(PayoutStatus.Pending);
        var page = await admin.GetPageAsync("/Admin/Payouts");
        page.ShouldContain("等待 Stripe 确认 1 笔");
        page.ShouldContain("等待 Stripe 确认</span>");

        // Two admins at once send it again: Stripe answers the same transfer, recorded once.
        var other = await AdminAsync();
        var answers = await Task.WhenAll(PayThroughStripeAsync(admin), PayThroughStripeAsync(other));
        // Each is sent or told there is nothing left to pay (the other one paid it first).
        var said = await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {Browser.ErrorsIn(await a.Content.ReadAsStringAsync())}"));
        said.ShouldAllBe(a => a.StartsWith("302") || a.Contains("目前没有通过 Stripe Connect 收款且有待付款余额的供应商"));
        said.ShouldContain(a => a.StartsWith("302"));
        var transfer = Stripe.Transfers.ShouldHaveSingleItem();
        TransferRequests.Count.ShouldBeGreaterThanOrEqualTo(2);
        TransferRequests.ShouldAllBe(r => r.IdempotencyKey == $"supplier-payout:{payout.Id}" && r.Form["amount"] == owed.ToString());
        var paid = (await ConnectPayoutsAsync()).ShouldHaveSingleItem();
        (paid.Status, paid.BankReference).ShouldBe((PayoutStatus.Paid, (string?)transfer["id"]));
        (await EntriesAsync(JournalEntryKind.SupplierPayout)).ShouldBe(1);
        (await EntriesAsync(JournalEntryKind.SupplierPayoutFailed)).ShouldBe(0);
        (await BalanceAsync(App, connect)).ShouldBe(0);
        await BooksHoldAsync(App);
    }

    [Fact]
    public async Task Four_admins_paying_at_once_make_one_payout_and_one_transfer()
    {
        var (connect, owed) = await ConnectSupplierOwedAsync();
        var admins = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AdminAsync()));

        var answers = await Task.WhenAll(admins.Select(a => Task.Run(() => PayThroughStripeAsync(a))));

        answers.ShouldAllBe(a => (int)a.StatusCode < 500);
        var payout = (await ConnectPayoutsAsync()).ShouldHaveSingleItem();
        (payout.Status, payout.Amount.Fen).ShouldBe((PayoutStatus.Paid, owed));
        Stripe.Transfers.ShouldHaveSingleItem()["amount"].ShouldBe(owed);
        TransferRequests.ShouldAllBe(r => r.IdempotencyKey == $"supplier-payout:{payout.Id}");
        (await EntriesAsync(JournalEntryKind.SupplierPayout)).ShouldBe(1);
        (await BalanceAsync(App, connect)).ShouldBe(0);
        await BooksHoldAsync(App);
    }

    [Fact]
    public async Task A_transfer_reversed_in_full_returns_the_payout_once_and_a_partial_reversal_is_left_to_finance()
    {
        var (connect, owed) = await ConnectSupplierOwedAsync();
        var admin = await AdminAsync();
        (await PayThroughStripeAsync(admin)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var transfer = Stripe.Transfers.ShouldHaveSingleItem();
        var payout = (await ConnectPayoutsAsync()).Single();

        (await Stripe.SendEventAsync(FakeStripe.TransferReversedEvent(transfer, owed / 2, "evt_partial"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var partial = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.SingleAsync(e => e.Id == "evt_partial")), e => e.ProcessedAt != null);
        partial.Error.ShouldStartWith("SupplierPayout.PartialReversal");
        (await ConnectPayoutsAsync()).Single().Status.ShouldBe(PayoutStatus.Paid);
        (await admin.GetPageAsync("/Admin/Payments")).ShouldContain("evt_partial");

        // Delivered three times at once, under two event ids: returned once.
        string[] events = [FakeStripe.TransferReversedEvent(transfer), FakeStripe.TransferReversedEvent(transfer, eventId: "evt_reversed_again")];
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => events).Select(e => Task.Run(() => Stripe.SendEventAsync(e))));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.Type == "transfer.reversed" && e.ProcessedAt != null)), n => n == 3);
        var reversed = (await ConnectPayoutsAsync()).Single();
        (reversed.Status, reversed.FailureReason).ShouldBe((PayoutStatus.Failed, $"Stripe transfer {transfer["id"]} reversed"));
        (await App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.SourceKey == SourceKeys.SupplierPayoutFailed(payout.Id)))).ShouldBe(1);
        (await App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.Type == "transfer.reversed" && e.Error != null))).ShouldBe(1);
        (await BalanceAsync(App, connect)).ShouldBe(owed);
        await BooksHoldAsync(App);
    }
}
