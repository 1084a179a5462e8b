using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Testing;
using AidMarket.Web.Ledger;
using AidMarket.Web.Payments;

namespace AidMarket.Web.Tests.Payments;

/// <summary>
/// Refunds by platform finance (decision note 013): before settlement from escrow; after settlement reversing the split,
/// households giving back at most what they still hold and the supplier covering the rest; through Stripe's refund API
/// (posted once, whether the API answer or the webhook comes first) or recorded after a bank refund.
/// </summary>
public class RefundTests(StripeAppFixture app) : WebTest<StripeAppFixture>(app)
{
    private Task<Browser> AdminAsync() => PaymentScenario.LogInAsync(App, "admin@aidmarket.demo");

    private static Task<HttpResponseMessage> RefundAsync(Browser admin, Guid invoiceId, string handler, IDictionary<string, string> fields, string? refundId = null) =>
        PaymentScenario.RefundAsync(admin, invoiceId, handler, fields, refundId);

    private async Task<(Invoice Invoice, SettlementRecord Settlement)> PaidAndSettledAsync(Func<Invoice, Task> pay)
    {
        await PaymentScenario.AcceptedOrderAsync(App);
        await pay(await App.QueryAsync(db => db.Invoices.SingleAsync()));
        var settlement = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Settlements.SingleOrDefaultAsync()), s => s is not null);
        return (await App.QueryAsync(db => db.Invoices.SingleAsync()), settlement!);
    }

    private async Task PayByBankAsync(Invoice invoice, string amount, string slip) =>
        (await PaymentScenario.RecordTransferAsync(await AdminAsync(), amount, invoice.Reference, slip)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

    private async Task PayByStripeAsync(Invoice invoice)
    {
        var finance = await PaymentScenario.LogInAsync(App, "finance@aidmarket.demo");
        var session = PaymentScenario.SessionOf(App.Stripe, await PaymentScenario.PayOnlineAsync(finance, invoice.Id));
        (await App.Stripe.SendEventAsync(App.Stripe.CheckoutCompletedEvent(session))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<List<JournalEntry>> RefundEntriesAsync() =>
        App.QueryAsync(db => db.JournalEntries.Where(e => e.Kind == JournalEntryKind.Refund || e.Kind == JournalEntryKind.EscrowRefund).ToListAsync());

    private async Task LedgerBalancesAsync()
    {
        (await PaymentScenario.UnbalancedEntriesAsync(App)).ShouldBe(0);
        (await PaymentScenario.LedgerSumAsync(App)).ShouldBe(0);
    }

    [Fact]
    public async Task A_bank_refund_before_settlement_comes_from_escrow_and_the_invoice_is_owed_again()
    {
        await PaymentScenario.AcceptedOrderAsync(App);
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        await PayByBankAsync(invoice, "1000.00", "BOC-1");
        var admin = await AdminAsync();
        var refunded = await RefundAsync(admin, invoice.Id, "Bank", new Dictionary<string, string> { ["Input.Amount"] = "300.00", ["Input.SlipNumber"] = "BOC-R1" });
        refunded.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await refunded.Content.ReadAsStringAsync()));
        (await admin.GetPageAsync($"/Admin/Payments/Invoice/{invoice.Id}")).ShouldContain("已登记退款 ¥300.00");

        var entry = (await RefundEntriesAsync()).ShouldHaveSingleItem();
        entry.Kind.ShouldBe(JournalEntryKind.EscrowRefund);
        entry.Postings.Single(p => p.Account == LedgerAccount.Cash).Amount.Fen.ShouldBe(-30_000);
        var after = await App.QueryAsync(db => db.Invoices.SingleAsync());
        (after.Paid.Fen, after.Outstanding.Fen, after.Status).ShouldBe((70_000L, 116_200L, InvoiceStatus.PartiallyPaid));

        var again = await RefundAsync(admin, invoice.Id, "Bank", new Dictionary<string, string> { ["Input.Amount"] = "800.00", ["Input.SlipNumber"] = "BOC-R2" });
        Browser.ErrorsIn(await again.Content.ReadAsStringAsync()).ShouldContain("退款金额超过");
        (await RefundEntriesAsync()).Count.ShouldBe(1);
        // The same bank slip again with another amount is a mistake, not a retry: refused, not answered as recorded.
        var slipAgain = await RefundAsync(admin, invoice.Id, "Bank", new Dictionary<string, string> { ["Input.Amount"] = "100.00", ["Input.SlipNumber"] = "BOC-R1" });
        slipAgain.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.ErrorsIn(await slipAgain.Content.ReadAsStringAsync()).ShouldContain("该笔退款已按不同金额登记");
        (await RefundEntriesAsync()).Count.ShouldBe(1);
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task A_partial_bank_refund_after_settlement_reverses_the_split_in_proportion_as_a_credit_note()
    {
        var (invoice, settlement) = await PaidAndSettledAsync(i => PayByBankAsync(i, "1862.00", "ICBC-1"));
        var admin = await AdminAsync();
        var refunded = await RefundAsync(admin, invoice.Id, "Bank", new Dictionary<string, string> { ["Input.Amount"] = "186.20", ["Input.SlipNumber"] = "ICBC-R1" });
        refunded.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await refunded.Content.ReadAsStringAsync()));

        var entry = (await RefundEntriesAsync()).ShouldHaveSingleItem();
        entry.Kind.ShouldBe(JournalEntryKind.Refund);
        entry.Postings.Single(p => p.Account == LedgerAccount.Cash).Amount.Fen.ShouldBe(-18_620);
        entry.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable).Sum(p => p.Amount.Fen).ShouldBe(settlement.HouseholdShare.Fen / 10);
        entry.Postings.ShouldAllBe(p => p.CoveredHouseholdId == null);
        var after = await App.QueryAsync(db => db.Invoices.SingleAsync());
        (after.Paid.Fen, after.Credited.Fen, after.Outstanding.Fen, after.Status).ShouldBe((167_580L, 18_620L, 0L, InvoiceStatus.Paid));
        var buyerPage = await (await PaymentScenario.LogInAsync(App, "finance@aidmarket.demo")).GetPageAsync($"/Buyer/Invoices/Details/{invoice.Id}");
        buyerPage.ShouldContain("红字冲减");
        buyerPage.ShouldContain("已付清");
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task A_stripe_refund_after_a_household_was_paid_out_posts_once_and_the_supplier_covers_that_household()
    {
        var (invoice, settlement) = await PaidAndSettledAsync(PayByStripeAsync);
        var credits = (await App.QueryAsync(db => db.JournalEntries.SingleAsync(e => e.Id == settlement.JournalEntryId)))
            .Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable).ToList();
        var paidOut = credits.First().Account.OwnerId!.Value;
        var paidOutFen = -credits.First().Amount.Fen;
        await App.ExecuteAsync(async db =>
        {
            var batch = DisbursementBatch.FromBalances(new Dictionary<Guid, Money> { [paidOut] = new(paidOutFen) }, Money.Zero, DateTimeOffset.UtcNow);
            db.JournalEntries.Add(batch.SentEntry());
            db.JournalEntries.Add(batch.MarkPaid(paidOut, "HNYKT-1", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        var admin = await AdminAsync();
        var paymentIntent = invoice.Payments.Single().ExternalId;
        var fields = new Dictionary<string, string> { ["Input.Amount"] = "1862.00", ["Input.PaymentIntentId"] = paymentIntent };
        var refundId = Guid.CreateVersion7().ToString();
        var refunded = await RefundAsync(admin, invoice.Id, "Stripe", fields, refundId);
        refunded.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await refunded.Content.ReadAsStringAsync()));
        // The same form again: Stripe answers the same refund and nothing more is posted.
        var twice = await RefundAsync(admin, invoice.Id, "Stripe", fields, refundId);
        Browser.ErrorsIn(await twice.Content.ReadAsStringAsync()).ShouldContain("该笔退款已登记");

        var asked = App.Stripe.Requests.Where(r => r.Path == "/v1/refunds" && r.Form["payment_intent"] == paymentIntent).ToList();
        asked.Count.ShouldBe(1);
        asked[0].IdempotencyKey.ShouldBe($"refund:{refundId}");
        asked[0].Form["amount"].ShouldBe("186200");
        asked[0].Form["metadata[refund_id]"].ShouldBe(refundId);
        // Stripe's refund.updated webhook raced the API answer; it was applied and posted nothing more.
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.Type == "refund.updated" && e.ProcessedAt != null)), n => n == 1);
        await Eventually.SettleAsync(0.5);

        var entry = (await RefundEntriesAsync()).ShouldHaveSingleItem();
        entry.Kind.ShouldBe(JournalEntryKind.Refund);
        entry.SourceKey.ShouldBe($"refund:{settlement.SupplierOrderId}:{refundId}");
        entry.Postings.ShouldNotContain(p => p.Account == LedgerAccount.Household(paidOut));
        entry.Postings.Where(p => p.CoveredHouseholdId == paidOut).Sum(p => p.Amount.Fen).ShouldBe(paidOutFen);
        entry.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable).Sum(p => p.Amount.Fen).ShouldBe(settlement.HouseholdShare.Fen - paidOutFen);
        entry.Postings.Single(p => p.Account == LedgerAccount.Cash).Amount.Fen.ShouldBe(-186_200);
        var balances = await App.QueryAsync(db => db.Database.SqlQuery<long>($"SELECT coalesce(sum(amount_fen), 0)::bigint AS \"Value\" FROM postings WHERE account LIKE 'household:%'").SingleAsync());
        balances.ShouldBe(0); // every household is back to nothing owed, none below zero
        var after = await App.QueryAsync(db => db.Invoices.SingleAsync());
        (after.Status, after.Credited.Fen, after.Outstanding.Fen).ShouldBe((InvoiceStatus.Refunded, 186_200L, 0L));
        var buyerPage = await (await PaymentScenario.LogInAsync(App, "finance@aidmarket.demo")).GetPageAsync($"/Buyer/Invoices/Details/{invoice.Id}");
        buyerPage.ShouldContain("已退款");
        buyerPage.ShouldNotContain("handler=PayOnline");
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task Two_refunds_of_all_of_an_invoice_through_stripe_at_the_same_moment_ask_stripe_once_and_post_once()
    {
        var (invoice, _) = await PaidAndSettledAsync(PayByStripeAsync);
        var admins = await Task.WhenAll(AdminAsync(), AdminAsync());
        var fields = new Dictionary<string, string> { ["Input.Amount"] = "1862.00", ["Input.PaymentIntentId"] = invoice.Payments.Single().ExternalId };

        var answers = await Task.WhenAll(admins.Select(admin => RefundAsync(admin, invoice.Id, "Stripe", fields)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        Browser.ErrorsIn(await answers.Single(a => a.StatusCode != HttpStatusCode.Redirect).Content.ReadAsStringAsync()).ShouldContain("退款金额超过");
        App.Stripe.Requests.Count(r => r.Path == "/v1/refunds" && r.Form["metadata[invoice_id]"] == invoice.Id.ToString()).ShouldBe(1);
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.Type == "refund.updated" && e.ProcessedAt != null)), n => n == 1);
        (await RefundEntriesAsync()).ShouldHaveSingleItem().Total.Fen.ShouldBe(186_200);
        (await App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.Error != null))).ShouldBe(0);
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task A_refund_made_in_stripes_dashboard_arriving_five_times_at_once_in_two_event_types_posts_once()
    {
        var (invoice, settlement) = await PaidAndSettledAsync(PayByStripeAsync);
        var session = App.Stripe.Sessions.Single(s => s.Metadata["invoice_id"] == invoice.Id.ToString());
        var refundUpdated = FakeStripe.EventJson("evt_re_dash_updated", "refund.updated", FakeStripe.RefundObject("re_test_dashboard", session.PaymentIntentId, 50_000));
        string[] events = [FakeStripe.ChargeRefundedEvent(session, "re_test_dashboard", 50_000), refundUpdated];
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => events).Select(e => Task.Run(() => App.Stripe.SendEventAsync(e))));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);

        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.ProcessedAt != null)), n => n == 3);
        var entry = (await RefundEntriesAsync()).ShouldHaveSingleItem();
        entry.Kind.ShouldBe(JournalEntryKind.Refund);
        entry.SourceKey.ShouldBe(SourceKeys.Refund(settlement.SupplierOrderId, Refunding.IdFor("re_test_dashboard")));
        (await App.QueryAsync(db => db.Invoices.SingleAsync())).Credited.Fen.ShouldBe(50_000);
        (await App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.Error != null))).ShouldBe(0);
        await LedgerBalancesAsync();
    }
}
