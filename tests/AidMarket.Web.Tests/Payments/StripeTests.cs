using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Testing;

namespace AidMarket.Web.Tests.Payments;

/// <summary>
/// Online payment through Stripe, with the real Stripe.net client against <see cref="FakeStripe"/>: Checkout Sessions with
/// deterministic idempotency keys, signed webhooks stored once and applied asynchronously, exactly one payment and one
/// settlement whatever the duplicates, order or concurrency of the events, and refunds posted once.
/// </summary>
public class StripeTests(StripeAppFixture app) : WebTest<StripeAppFixture>(app)
{
    private FakeStripe Stripe => App.Stripe;

    private async Task<(Invoice Invoice, Browser Finance)> InvoiceAsync()
    {
        await PaymentScenario.AcceptedOrderAsync(App);
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        return (invoice, await PaymentScenario.LogInAsync(App, "finance@aidmarket.demo"));
    }

    private static Task<HttpResponseMessage> PayOnlineAsync(Browser buyer, Guid invoiceId, string tokenPage) =>
        PaymentScenario.PayOnlineAsync(buyer, invoiceId, tokenPage);

    private async Task<FakeStripe.FakeSession> CheckoutAsync(Browser finance, Invoice invoice)
    {
        var response = await PayOnlineAsync(finance, invoice.Id, $"/Buyer/Invoices/Details/{invoice.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await response.Content.ReadAsStringAsync()));
        var url = response.Headers.Location!.ToString();
        url.ShouldStartWith(Stripe.BaseUrl + "/pay/cs_");
        return Stripe.Session(url[(Stripe.BaseUrl.Length + "/pay/".Length)..]);
    }

    /// <summary>Clicks a button of the fake's hosted checkout page, as the buyer's browser would.</summary>
    private async Task<HttpResponseMessage> ClickOnCheckoutPageAsync(FakeStripe.FakeSession session, string button)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        (await client.GetStringAsync($"{Stripe.BaseUrl}/pay/{session.Id}")).ShouldContain(button);
        return await client.PostAsync($"{Stripe.BaseUrl}/pay/{session.Id}/{(button == "Pay" ? "complete" : "decline")}", null);
    }

    private Task<int> CountAsync(JournalEntryKind kind) => App.QueryAsync(db => db.JournalEntries.CountAsync(e => e.Kind == kind));

    private async Task LedgerBalancesAsync()
    {
        (await PaymentScenario.UnbalancedEntriesAsync(App)).ShouldBe(0);
        (await PaymentScenario.LedgerSumAsync(App)).ShouldBe(0);
    }

    [Fact]
    public async Task Pay_online_creates_one_checkout_session_for_the_outstanding_amount_with_a_deterministic_idempotency_key()
    {
        var (invoice, finance) = await InvoiceAsync();
        (await finance.GetPageAsync($"/Buyer/Invoices/Details/{invoice.Id}")).ShouldContain("在线支付");

        var first = await CheckoutAsync(finance, invoice);
        var again = await CheckoutAsync(finance, invoice);
        again.Id.ShouldBe(first.Id);
        var requests = Stripe.Requests.Where(r => r.Path == "/v1/checkout/sessions" && r.Form["metadata[invoice_id]"] == invoice.Id.ToString()).ToList();
        requests.Count.ShouldBe(2);
        requests.ShouldAllBe(r => r.IdempotencyKey == $"checkout:{invoice.Id}:186200");
        var form = requests[0].Form;
        form["mode"].ShouldBe("payment");
        form["line_items[0][price_data][currency]"].ShouldBe("cny");
        form["line_items[0][price_data][unit_amount]"].ShouldBe("186200");
        form["allowed_payment_method_types[0]"].ShouldBe("card");
        form["metadata[reference]"].ShouldBe(invoice.Reference);
        form["payment_intent_data[metadata][invoice_id]"].ShouldBe(invoice.Id.ToString());
        form["success_url"].ShouldEndWith($"/Buyer/Invoices/Details/{invoice.Id}?stripe=success");
        form["cancel_url"].ShouldEndWith($"/Buyer/Invoices/Details/{invoice.Id}?stripe=cancelled");
    }

    [Fact]
    public async Task Paying_on_the_checkout_page_pays_the_invoice_and_settles_the_order_once_with_household_credits()
    {
        var (invoice, finance) = await InvoiceAsync();
        var session = await CheckoutAsync(finance, invoice);
        var back = await ClickOnCheckoutPageAsync(session, "Pay");
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.Headers.Location!.ToString().ShouldBe(session.SuccessUrl);

        var settlement = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Settlements.SingleOrDefaultAsync()), s => s is not null);
        var paid = await App.QueryAsync(db => db.Invoices.SingleAsync());
        paid.Status.ShouldBe(InvoiceStatus.Paid);
        paid.Payments.ShouldHaveSingleItem().ExternalId.ShouldBe(session.PaymentIntentId);
        settlement!.HouseholdShare.Fen.ShouldBeGreaterThan(0);
        var entry = await App.QueryAsync(db => db.JournalEntries.SingleAsync(e => e.Kind == JournalEntryKind.Payment));
        entry.SourceKey.ShouldBe($"payment:stripe:{session.PaymentIntentId}");
        var credits = await App.QueryAsync(db => db.JournalEntries.SingleAsync(e => e.Id == settlement.JournalEntryId));
        credits.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable).Sum(p => -p.Amount.Fen).ShouldBe(settlement.HouseholdShare.Fen);
        (await App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.ProcessedAt != null && e.Error == null))).ShouldBe(2);
        await LedgerBalancesAsync();

        var page = await finance.GetPageAsync(session.SuccessUrl[session.SuccessUrl.IndexOf("/Buyer", StringComparison.Ordinal)..]);
        page.ShouldContain("已付清");
        page.ShouldNotContain("handler=PayOnline");
    }

    [Fact]
    public async Task A_forged_or_stale_webhook_is_refused_and_stores_nothing()
    {
        var (invoice, finance) = await InvoiceAsync();
        var session = await CheckoutAsync(finance, invoice);
        var json = FakeStripe.PaymentSucceededEvent(session);

        (await Stripe.SendEventAsync(json, FakeStripe.Sign(json, secret: "whsec_someone_else"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Stripe.SendEventAsync(json, FakeStripe.Sign(json, DateTimeOffset.UtcNow.AddMinutes(-10)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Stripe.SendEventAsync(json, "t=1,v1=00")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Stripe.SendEventAsync(json.Replace("186200", "1"), FakeStripe.Sign(json))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await Eventually.SettleAsync(0.5);
        (await App.QueryAsync(db => db.StripeEvents.CountAsync())).ShouldBe(0);
        (await App.QueryAsync(db => db.Invoices.SingleAsync())).Paid.Fen.ShouldBe(0);
        (await App.QueryAsync(db => db.JournalEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_replayed_event_is_acknowledged_and_ignored()
    {
        var (invoice, finance) = await InvoiceAsync();
        var session = await CheckoutAsync(finance, invoice);
        var json = FakeStripe.PaymentSucceededEvent(session);
        (await Stripe.SendEventAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Settlements.CountAsync()), n => n == 1);

        (await Stripe.SendEventAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Stripe.SendEventAsync(json, FakeStripe.Sign(json, DateTimeOffset.UtcNow.AddSeconds(-30)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.SettleAsync();
        (await App.QueryAsync(db => db.StripeEvents.CountAsync())).ShouldBe(1);
        (await CountAsync(JournalEntryKind.Payment)).ShouldBe(1);
        (await App.QueryAsync(db => db.Settlements.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task The_events_of_one_payment_five_times_at_once_and_out_of_order_post_one_payment_and_one_settlement()
    {
        var (invoice, finance) = await InvoiceAsync();
        var session = await CheckoutAsync(finance, invoice);
        string[] events = [FakeStripe.PaymentSucceededEvent(session), Stripe.CheckoutCompletedEvent(session)];
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => events).Select(e => Task.Run(() => Stripe.SendEventAsync(e))));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);

        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.ProcessedAt != null)), n => n == 2);
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Settlements.CountAsync()), n => n == 1);
        await Eventually.SettleAsync();
        (await App.QueryAsync(db => db.Settlements.CountAsync())).ShouldBe(1);
        (await CountAsync(JournalEntryKind.Payment)).ShouldBe(1);
        (await App.QueryAsync(db => db.Invoices.SingleAsync())).Paid.Fen.ShouldBe(186_200);
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task A_refund_event_before_its_payment_waits_and_then_posts_once_with_the_payment_and_no_settlement_of_refunded_money()
    {
        var (invoice, finance) = await InvoiceAsync();
        var session = await CheckoutAsync(finance, invoice);
        var refund = FakeStripe.ChargeRefundedEvent(session, "re_test_before", 186_200);
        (await Stripe.SendEventAsync(refund)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.SettleAsync(0.5);
        (await App.QueryAsync(db => db.StripeEvents.SingleAsync())).ProcessedAt.ShouldBeNull();

        string[] events = [refund, FakeStripe.PaymentSucceededEvent(session), Stripe.CheckoutCompletedEvent(session)];
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => events).Select(e => Task.Run(() => Stripe.SendEventAsync(e))));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);

        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.ProcessedAt != null)), n => n == 3);
        await Eventually.SettleAsync();
        (await CountAsync(JournalEntryKind.Payment)).ShouldBe(1);
        var refunds = await App.QueryAsync(db => db.JournalEntries.Where(e => e.Kind == JournalEntryKind.Refund || e.Kind == JournalEntryKind.EscrowRefund).ToListAsync());
        refunds.ShouldHaveSingleItem().Total.Fen.ShouldBe(186_200);
        var settled = await App.QueryAsync(db => db.Settlements.CountAsync());
        settled.ShouldBeLessThanOrEqualTo(1);
        // Whichever came first, the buyer has its money back and the invoice never asks for it again after settlement.
        var after = await App.QueryAsync(db => db.Invoices.SingleAsync());
        after.Paid.Fen.ShouldBe(0);
        refunds[0].Kind.ShouldBe(settled == 1 ? JournalEntryKind.Refund : JournalEntryKind.EscrowRefund);
        after.Status.ShouldBe(settled == 1 ? InvoiceStatus.Refunded : InvoiceStatus.Open);
        (await App.QueryAsync(db => db.StripeEvents.CountAsync(e => e.Error != null))).ShouldBe(0);
        await LedgerBalancesAsync();
    }

    [Fact]
    public async Task A_declined_card_is_shown_on_the_invoice_and_the_buyer_can_pay_again()
    {
        var (invoice, finance) = await InvoiceAsync();
        var session = await CheckoutAsync(finance, invoice);
        var back = await ClickOnCheckoutPageAsync(session, "Decline card");
        back.Headers.Location!.ToString().ShouldBe(session.CancelUrl);

        var url = $"/Buyer/Invoices/Details/{invoice.Id}";
        var page = await Eventually.ReturnsAsync(() => finance.GetPageAsync(url + "?stripe=cancelled"), p => p.Contains("data-testid=\"payment-failure\""));
        page.ShouldContain("Your card was declined.");
        page.ShouldContain("在线支付未完成");
        page.ShouldContain("未付款");
        (await App.QueryAsync(db => db.JournalEntries.CountAsync())).ShouldBe(0);
        (await PayOnlineAsync(finance, invoice.Id, url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Another_buyer_cannot_start_checkout_on_an_invoice_that_is_not_theirs()
    {
        var (invoice, _) = await InvoiceAsync();
        await App.CreateUserAsync("finance@other.test", "宝安区某中学食堂", AidMarket.Domain.Organizations.OrganizationRole.Finance);
        var other = await PaymentScenario.LogInAsync(App, "finance@other.test");
        (await PayOnlineAsync(other, invoice.Id, "/Buyer/Invoices")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var purchaser = await PaymentScenario.LogInAsync(App, "purchaser@aidmarket.demo");
        (await PayOnlineAsync(purchaser, invoice.Id, "/Buyer/Orders")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        Stripe.Requests.ShouldNotContain(r => r.Form.GetValueOrDefault("metadata[invoice_id]") == invoice.Id.ToString());
    }

    [Fact]
    public async Task A_refund_of_a_payment_AidMarket_never_received_waits_then_is_shown_to_finance()
    {
        var (invoice, finance) = await InvoiceAsync();
        var session = await CheckoutAsync(finance, invoice);
        (await Stripe.SendEventAsync(FakeStripe.ChargeRefundedEvent(session, "re_test_orphan", 100))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.SettleAsync(2.5);
        (await App.QueryAsync(db => db.StripeEvents.SingleAsync())).ProcessedAt.ShouldBeNull();

        await App.ExecuteAsync(db => db.Database.ExecuteSqlAsync($"UPDATE stripe_events SET received_at = now() - interval '2 days'"));
        var given = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.StripeEvents.SingleAsync()), e => e.ProcessedAt is not null);
        given.Error.ShouldNotBeNull().ShouldContain(session.PaymentIntentId);
        var admin = await PaymentScenario.LogInAsync(App, "admin@aidmarket.demo");
        (await admin.GetPageAsync("/Admin/Payments")).ShouldContain("未能处理的 Stripe 事件");
        (await App.QueryAsync(db => db.JournalEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_fake_answers_a_repeated_transfer_with_the_same_transfer_for_supplier_payouts_later()
    {
        var client = new global::Stripe.StripeClient(new global::Stripe.StripeClientOptions { ApiKey = FakeStripe.SecretKey, ApiBase = Stripe.BaseUrl });
        var transfers = new global::Stripe.TransferService(client);
        var options = new global::Stripe.TransferCreateOptions { Amount = 12_345, Currency = "cny", Destination = "acct_test_supplier" };
        var first = await transfers.CreateAsync(options, new global::Stripe.RequestOptions { IdempotencyKey = "payout:1" });
        var retry = await transfers.CreateAsync(options, new global::Stripe.RequestOptions { IdempotencyKey = "payout:1" });
        var other = await transfers.CreateAsync(options, new global::Stripe.RequestOptions { IdempotencyKey = "payout:2" });
        first.Id.ShouldStartWith("tr_");
        retry.Id.ShouldBe(first.Id);
        other.Id.ShouldNotBe(first.Id);
        first.Amount.ShouldBe(12_345);
        Stripe.Requests.Count(r => r.Path == "/v1/transfers" && r.IdempotencyKey == "payout:1").ShouldBe(2);
    }
}

/// <summary>Without Stripe keys there is no online payment: no button, and no webhook endpoint.</summary>
public class StripeOffTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task Without_keys_there_is_no_pay_online_button_and_the_webhook_answers_404()
    {
        await PaymentScenario.AcceptedOrderAsync(App);
        var invoice = await App.QueryAsync(db => db.Invoices.SingleAsync());
        var finance = await PaymentScenario.LogInAsync(App, "finance@aidmarket.demo");
        var page = await finance.GetPageAsync($"/Buyer/Invoices/Details/{invoice.Id}");
        page.ShouldContain(invoice.Reference);
        page.ShouldNotContain("在线支付");
        var json = FakeStripe.EventJson("evt_off", "payment_intent.succeeded", new Dictionary<string, object?> { ["id"] = "pi_off", ["object"] = "payment_intent" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(json) };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", FakeStripe.Sign(json));
        (await finance.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.QueryAsync(db => db.StripeEvents.CountAsync())).ShouldBe(0);
    }
}
