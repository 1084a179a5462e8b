using System.Text.Json;
using AidMarket.Domain.Payments;
using AidMarket.Testing;
using static AidMarket.Web.Tests.Ledger.WalkStep;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>Money in: bank transfers recorded by platform finance, Stripe checkout and its webhooks, and settlement run by hand.</summary>
public sealed partial class MarketWalk
{
    private async Task<string> PayByBankAsync(PayByBank step)
    {
        var bill = WalkModel.Pick(_model.Bills, step.Invoice, step.Wild, b => b.Outstanding > 0);
        if (bill is null && step.Kind != Transfer.NoReference) return "no invoice to pay";
        if (step.Kind == Transfer.SlipAgain && _model.Transfers.Count > 0)
        {
            var slip = _model.Transfers[step.Invoice % _model.Transfers.Count].SlipKey;
            return await IgnoredAsync($"recording slip {slip} again", () =>
                DoneAsync("recording a slip again", PaymentScenario.RecordTransferAsync(_people.Admins[0], "1.00", $"货款 {bill?.Reference}", slip.ToLowerInvariant())));
        }
        var outstanding = bill?.Outstanding ?? 0;
        var fen = step.Kind switch
        {
            Transfer.NoReference => 12_345,
            Transfer.Partial => Math.Max(1, outstanding / 3),
            Transfer.Over => outstanding + 1 + bill!.Amount / 10,
            _ => outstanding > 0 ? outstanding : bill!.Amount,
        };
        var memo = step.Kind == Transfer.NoReference ? "货款（未注明付款识别码）" : $"货款 {bill!.Reference.ToLowerInvariant()} 海珠区机关食堂";
        var outcome = step.Kind == Transfer.NoReference || outstanding == 0 ? TransferMatchKind.Unmatched
            : fen == outstanding ? TransferMatchKind.Exact : fen < outstanding ? TransferMatchKind.Partial : TransferMatchKind.Overpaid;
        var slipKey = NextSlip("T");
        Task<HttpResponseMessage> Record(Browser admin) => PaymentScenario.RecordTransferAsync(admin, Yuan(fen), memo, slipKey);
        if (step.Twice)
        {
            var answers = await Task.WhenAll(Record(_people.Admins[0]), Record(_people.Admins[1]));
            answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Redirect || a.StatusCode == HttpStatusCode.OK, "the same slip twice at once: one recorded, the other told");
            answers.ShouldContain(a => a.StatusCode == HttpStatusCode.Redirect);
        }
        else await DoneAsync($"recording {slipKey}", Record(_people.Admins[0]));
        _model.Transfers.Add((slipKey, outcome));
        if (outcome is TransferMatchKind.Exact or TransferMatchKind.Partial or TransferMatchKind.Overpaid) bill!.Pay(_model.Books, slipKey, PaymentMethod.BankTransfer, fen);
        var done = $"slip {slipKey}{(step.Twice ? " twice at once" : "")} of ¥{Yuan(fen)} for {(bill?.ToString() ?? "no invoice")}: {outcome}";
        return step.RefundAtOnce && outcome == TransferMatchKind.Exact ? done + await RefundRacingSettlementAsync(bill!) : done;
    }

    /// <summary>
    /// Refunds all of an invoice just paid in full while its settlement is under way. Whichever comes first, the refund posts
    /// once: from escrow (and the order, no longer paid, is never settled) or reversing the settlement as a credit note.
    /// </summary>
    private async Task<string> RefundRacingSettlementAsync(WalkBill bill)
    {
        var slip = NextSlip("R");
        var fen = bill.Paid;
        await DoneAsync($"refunding {bill} at once", PaymentScenario.RefundAsync(_people.Admins[1], bill.Id, "Bank",
            new Dictionary<string, string> { ["Input.Amount"] = Yuan(fen), ["Input.SlipNumber"] = slip }));
        await _checks.QuietAsync();
        var invoice = await _app.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == bill.Id));
        _model.BankRefunds.Add((bill.Id, slip, fen));
        if (!invoice.Refunds.Single(r => r.ExternalId == slip).CreditNote) return "; refunded at once, before settlement: " + await PostedAsync(bill, fen, RefundPath.FromEscrow);
        await _checks.ObserveSettlementsAsync();
        bill.Settled.ShouldBeTrue($"a credit note on {bill} comes after its settlement");
        return "; refunded at once, after settlement: " + await PostedAsync(bill, fen, RefundPath.ReversingSettlement);
    }

    private async Task<string> PayOnlineAsync(PayOnline step)
    {
        if (_model.Bills.Where(b => b.Outstanding > 0).ToList() is not { Count: > 0 } owing) return "no invoice to pay online";
        var (started, session) = await StartCheckoutAsync(owing[step.Invoice % owing.Count]);
        if (step.Outcome == Checkout.Later) return started + "; the buyer left the checkout page";
        return started + "; " + await DeliverAsync(session!, step.Outcome == Checkout.Paid, step.Events, step.Copies, step.SettleMeanwhile);
    }

    private async Task<string> StartCheckoutAsync(StartCheckout step) =>
        WalkModel.Pick(_model.Bills, step.Invoice, step.Wild, b => b.Outstanding > 0) is { } bill ? (await StartCheckoutAsync(bill)).Done : "no invoice to pay";

    private async Task<(string Done, WalkSession? Session)> StartCheckoutAsync(WalkBill bill)
    {
        var pay = () => PaymentScenario.PayOnlineAsync(_people.Finance, bill.Id);
        if (bill.Outstanding == 0) return (await RefusedAsync($"paying {bill} online with nothing outstanding", pay), null);
        var fake = PaymentScenario.SessionOf(_app.Stripe, await DoneAsync($"paying {bill} online", pay()));
        fake.AmountFen.ShouldBe(bill.Outstanding, "checkout asks for what is outstanding");
        var session = _model.Sessions.SingleOrDefault(s => s.Fake.Id == fake.Id);
        if (session is null) _model.Sessions.Add(session = new WalkSession(fake, bill));
        return ($"checkout {fake.Id} of ¥{Yuan(fake.AmountFen)} for {bill}", session);
    }

    private Task<string> StripeDeliversAsync(StripeDelivers step) =>
        WalkModel.Pick(_model.Sessions, step.Session, step.Wild, s => s.Delivered.Count == 0) is { } session
            ? DeliverAsync(session, step.Succeeds, step.Events, step.Copies, step.SettleMeanwhile) : Task.FromResult("no checkout session");

    /// <summary>Stripe tells the app a checkout was paid (in one or two events) or declined, each event several times at once.</summary>
    private async Task<string> DeliverAsync(WalkSession session, bool succeeds, StripeEvents kinds, int copies, bool settleMeanwhile)
    {
        var (fake, bill) = (session.Fake, session.Bill);
        string[] events = !succeeds ? [FakeStripe.PaymentFailedEvent(fake, "Your card was declined.")]
            : kinds switch
            {
                StripeEvents.Both => [_app.Stripe.CheckoutCompletedEvent(fake), FakeStripe.PaymentSucceededEvent(fake)],
                StripeEvents.CheckoutOnly => [_app.Stripe.CheckoutCompletedEvent(fake)],
                _ => [FakeStripe.PaymentSucceededEvent(fake)],
            };
        var ids = events.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("id").GetString()!).ToList();
        var fresh = ids.Except(session.Delivered).ToList();
        session.Delivered.UnionWith(ids);
        var what = $"{(succeeds ? kinds.ToString() : "declined")} × {copies} for {fake.Id} of {bill}{(settleMeanwhile ? " while settlement runs" : "")}";
        var deliver = () => SendAllAsync(events, copies, settleMeanwhile);
        if (fresh.Count == 0) return await IgnoredAsync($"replaying {what}", deliver);
        if (!succeeds)
        {
            await deliver();
            bill.Failures++;
            return $"delivered {what}: shown on the invoice";
        }
        if (bill.Payments.Any(p => p.ExternalId == fake.PaymentIntentId)) return await IgnoredAsync($"delivering {what}, already paid through another event", deliver);
        if (bill.Outstanding == 0)
        {
            var ignored = await IgnoredAsync($"delivering {what} with nothing outstanding", deliver);
            (await _app.QueryAsync(db => db.StripeEvents.Where(e => fresh.Contains(e.Id)).Select(e => e.Error).ToListAsync()))
                .ShouldAllBe(error => error != null && error.Contains("Invoice.AlreadyPaid"), "a payment that cannot be applied is shown to finance");
            return ignored + ", shown to finance";
        }
        await deliver();
        bill.Pay(_model.Books, fake.PaymentIntentId, PaymentMethod.Stripe, fake.AmountFen);
        return $"delivered {what}: paid ¥{Yuan(fake.AmountFen)}";
    }

    /// <summary>Each event delivered <paramref name="copies"/> times, signed as Stripe signs them, all at once in shuffled order.</summary>
    private async Task SendAllAsync(string[] events, int copies, bool settleMeanwhile)
    {
        var order = new Random(copies * 31 + events.Length);
        var shuffled = Enumerable.Repeat(events, copies).SelectMany(e => e).OrderBy(_ => order.Next()).ToList();
        var settling = settleMeanwhile ? Enumerable.Range(0, 2).Select(_ => Task.Run(() => Runner.SettleAllDueAsync(CancellationToken.None))).ToArray() : [];
        var answers = await Task.WhenAll(shuffled.Select(e => Task.Run(() => _app.Stripe.SendEventAsync(e))));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK, "Stripe's webhooks are acknowledged, repeats included");
        await Task.WhenAll(settling);
    }

    /// <summary>Settlement run by hand from three callers at once: the app settled every due order as it was paid, so nothing more is.</summary>
    private async Task<string> SettleAsync(Settle step)
    {
        var order = WalkModel.Pick(_model.Orders, step.Order, wild: true, _ => true);
        var settled = await Task.WhenAll(
            Task.Run(() => Runner.SettleAllDueAsync(CancellationToken.None)), Task.Run(() => Runner.SettleAllDueAsync(CancellationToken.None)),
            Task.Run(() => order is null ? Task.FromResult(0) : Runner.SettleDueAsync(order.Id, CancellationToken.None)));
        await _checks.QuietAsync();
        await _checks.ObserveSettlementsAsync();
        settled.Sum().ShouldBe(0, "every order due was settled as it was paid: a settlement run finds nothing more");
        return "settlement run three times at once: nothing was due";
    }
}
