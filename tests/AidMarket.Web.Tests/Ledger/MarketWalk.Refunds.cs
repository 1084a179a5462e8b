using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Testing;
using static AidMarket.Web.Tests.Ledger.WalkStep;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>Money back to the buyer: refunds through Stripe or recorded after a bank refund, before and after settlement.</summary>
public sealed partial class MarketWalk
{
    private async Task<string> RefundAsync(RefundInvoice step)
    {
        if (WalkModel.Pick(_model.Bills, step.Invoice, step.Wild, b => b.Paid > 0) is not { } bill) return "no invoice to refund";
        var intent = bill.Payments.Where(p => p.Method == PaymentMethod.Stripe)
            .Select(p => (Id: p.ExternalId, Left: p.Fen - bill.RefundedByIntent.GetValueOrDefault(p.ExternalId))).FirstOrDefault(p => p.Left > 0);
        var fen = Math.Max(1, step.Kind switch
        {
            _ when step.AtOnce => bill.Refundable,
            Refund.All => bill.Refundable, Refund.Half => bill.Refundable / 2, Refund.TooMuch => bill.Refundable + 1, _ => 1,
        });
        var byStripe = step.ByStripe && (intent.Id is not null || step.Wild);
        if (byStripe && intent.Id is not null && step.Kind != Refund.TooMuch) fen = Math.Min(fen, intent.Left);
        if (step.AtOnce && fen == bill.Refundable && bill.Excess == 0 && bill.PathFor(fen) is { } once)
            return await RefundTwiceAtOnceAsync(bill, fen, byStripe ? intent.Id : null, once);
        if (byStripe) return await RefundByStripeAsync(bill, fen, intent.Id);
        var earlier = _model.BankRefunds.LastOrDefault(r => r.InvoiceId == bill.Id);
        if (step.Kind == Refund.SlipAgain && earlier.Slip is not null)
            return await RefusedAsync($"recording bank refund {earlier.Slip} of {bill} again with another amount",
                () => RefundByBankAsync(bill, earlier.Fen + 1, earlier.Slip));
        var slip = NextSlip("R");
        var refund = () => RefundByBankAsync(bill, fen, slip);
        if (bill.PathFor(fen) is not { } path) return await RefusedAsync($"refunding ¥{Yuan(fen)} of {bill} by bank (at most ¥{Yuan(bill.Refundable)})", refund);
        await DoneAsync($"refunding ¥{Yuan(fen)} of {bill} by bank", refund());
        _model.BankRefunds.Add((bill.Id, slip, fen));
        return $"refunded ¥{Yuan(fen)} of {bill} by bank: " + await PostedAsync(bill, fen, path);
    }

    private Task<HttpResponseMessage> RefundByBankAsync(WalkBill bill, long fen, string slip) => PaymentScenario.RefundAsync(_people.Admins[0], bill.Id, "Bank",
        new Dictionary<string, string> { ["Input.Amount"] = Yuan(fen), ["Input.SlipNumber"] = slip });

    /// <summary>Through Stripe's refund API, whose refund.updated webhook races the answer; a payment of another invoice is refused.</summary>
    private async Task<string> RefundByStripeAsync(WalkBill bill, long fen, string? intent)
    {
        var refund = () => PaymentScenario.RefundAsync(_people.Admins[0], bill.Id, "Stripe",
            new Dictionary<string, string> { ["Input.Amount"] = Yuan(fen), ["Input.PaymentIntentId"] = intent ?? "pi_of_another_invoice" });
        if (intent is null) return await RefusedAsync($"refunding {bill} through an online payment it never had", refund);
        if (bill.PathFor(fen) is not { } path) return await RefusedAsync($"refunding ¥{Yuan(fen)} of {bill} through Stripe (at most ¥{Yuan(bill.Refundable)})", refund);
        await DoneAsync($"refunding ¥{Yuan(fen)} of {bill} through Stripe", refund());
        StripeRefunded(bill, intent, fen);
        await _checks.QuietAsync();
        return $"refunded ¥{Yuan(fen)} of {bill} through Stripe: " + await PostedAsync(bill, fen, path);
    }

    private void StripeRefunded(WalkBill bill, string intent, long fen)
    {
        _model.StripeRefunds++;
        bill.AskedOfStripe += fen;
        bill.RefundedByIntent[intent] = bill.RefundedByIntent.GetValueOrDefault(intent) + fen;
    }

    /// <summary>
    /// A refund made in Stripe's dashboard reaches AidMarket only as events (charge.refunded and refund.updated, each several
    /// times at once): it posts once as the rules say, or, when the books cannot take it, is shown to finance and changes nothing.
    /// </summary>
    private async Task<string> RefundInStripeAsync(RefundInStripe step)
    {
        var online = _model.Bills.SelectMany(b => b.Payments.Where(p => p.Method == PaymentMethod.Stripe)
            .Select(p => (Bill: b, Intent: p.ExternalId, Left: p.Fen - b.RefundedByIntent.GetValueOrDefault(p.ExternalId)))).Where(p => p.Left > 0).ToList();
        if (online.Count == 0) return "no online payment to refund in Stripe";
        var (bill, intent, left) = online[step.Invoice % online.Count];
        var fen = Math.Min(left, Math.Max(1, step.Kind switch
        {
            Refund.All => bill.Refundable, Refund.Half => bill.Refundable / 2, Refund.TooMuch => bill.Refundable + 1, _ => 1,
        }));
        var refundId = $"re_dash_{++_model.DashboardRefunds:D4}";
        var session = _model.Sessions.First(s => s.Fake.PaymentIntentId == intent).Fake;
        string[] events = [FakeStripe.ChargeRefundedEvent(session, refundId, fen),
            FakeStripe.EventJson($"evt_{refundId}_updated", "refund.updated", FakeStripe.RefundObject(refundId, intent, fen))];
        bill.RefundedByIntent[intent] = bill.RefundedByIntent.GetValueOrDefault(intent) + fen;
        var what = $"¥{Yuan(fen)} of {bill} refunded in Stripe's dashboard, × {step.Copies}";
        if (bill.PathFor(fen) is not { } path)
        {
            var ignored = await IgnoredAsync($"{what} (at most ¥{Yuan(bill.Refundable)} in the books)", () => SendAllAsync(events, step.Copies, settleMeanwhile: false));
            (await _app.QueryAsync(db => db.StripeEvents.Where(e => e.Id.StartsWith("evt_" + refundId)).Select(e => e.Error).ToListAsync()))
                .ShouldAllBe(error => error != null, "a refund the books cannot take is shown to finance");
            return ignored + ", shown to finance";
        }
        await SendAllAsync(events, step.Copies, settleMeanwhile: false);
        await _checks.QuietAsync();
        return $"{what}: " + await PostedAsync(bill, fen, path);
    }

    /// <summary>
    /// Two people of platform finance refund all that is refundable at the same moment, each with the form they opened: one
    /// refund is made; the other finds nothing left (with no excess paid, which could be refunded once more as a credit note),
    /// is refused and, through Stripe, never asked of Stripe.
    /// </summary>
    private async Task<string> RefundTwiceAtOnceAsync(WalkBill bill, long fen, string? intent, RefundPath path)
    {
        var slips = new[] { NextSlip("R"), NextSlip("R") };
        var answers = await Task.WhenAll(_people.Admins.Select((admin, i) => PaymentScenario.RefundAsync(admin, bill.Id, intent is null ? "Bank" : "Stripe",
            new Dictionary<string, string> { ["Input.Amount"] = Yuan(fen), ["Input.SlipNumber"] = slips[i], ["Input.PaymentIntentId"] = intent ?? "" })));
        answers.Count(a => a.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, $"of two refunds of all of {bill} at once, one is made");
        Browser.ErrorsIn(await answers.Single(a => a.StatusCode != HttpStatusCode.Redirect).Content.ReadAsStringAsync())
            .ShouldNotBeNullOrWhiteSpace("the other is told why not");
        if (intent is null)
        {
            var recorded = (await _app.QueryAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == bill.Id))).Refunds.Select(r => r.ExternalId);
            _model.BankRefunds.Add((bill.Id, slips.Single(s => recorded.Contains(s)), fen));
        }
        else
        {
            StripeRefunded(bill, intent, fen);
            await _checks.QuietAsync();
        }
        return $"refunded all (¥{Yuan(fen)}) of {bill} {(intent is null ? "by bank" : "through Stripe")} twice at once, once: " + await PostedAsync(bill, fen, path);
    }

    /// <summary>
    /// The refund's one journal entry, checked against the model: from escrow before settlement (or of the excess), otherwise
    /// reversing every part of the split in proportion, each household giving back at most what it still holds and the supplier
    /// covering the rest of its part.
    /// </summary>
    private async Task<string> PostedAsync(WalkBill bill, long fen, RefundPath path)
    {
        var prefix = SourceKeys.RefundPrefix(bill.Order.Id);
        var entries = await _app.QueryAsync(db => db.JournalEntries.AsNoTracking().Where(e => e.SourceKey.StartsWith(prefix)).ToListAsync());
        var entry = entries.Where(e => _refundEntries.Add(e.Id)).ToList().ShouldHaveSingleItem($"one entry for the refund of {bill}");
        if (path == RefundPath.FromEscrow)
        {
            (entry.Kind, entry.Total.Fen).ShouldBe((JournalEntryKind.EscrowRefund, fen), $"the refund of {bill} comes from escrow");
            bill.RefundFromEscrow(_model.Books, fen);
            return "from escrow";
        }
        entry.Kind.ShouldBe(JournalEntryKind.Refund, $"the refund of {bill} reverses its settlement");
        var expected = WalkSplit.Reverse(bill.Order.Settlement!, bill.Order.Supplier.Id, fen, _model.HouseholdBalance);
        entry.Postings.GroupBy(p => (p.Account.ToString(), p.ProductId, p.CoveredHouseholdId)).Select(g => (g.Key, g.Sum(p => p.Amount.Fen))).Where(p => p.Item2 != 0).Order()
            .ShouldBe(expected.Select(p => ((p.Account.ToString(), p.Product, p.Covered), p.Fen)).Order(),
                $"the refund of {bill} reverses each part in proportion, households giving back at most what they hold");
        bill.Refunds.Add((fen, true));
        _model.Books.Post(expected.Select(p => (p.Account, p.Fen)).ToArray());
        var covered = expected.Where(p => p.Covered is not null).Sum(p => p.Fen);
        return covered == 0 ? "reversing the split" : $"reversing the split, the supplier covering ¥{Yuan(covered)} households no longer hold";
    }
}
