using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using static AidMarket.Web.Tests.Payments.WalkStep;

namespace AidMarket.Web.Tests.Payments;

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
            Refund.All => bill.Refundable, Refund.Half => bill.Refundable / 2, Refund.TooMuch => bill.Refundable + 1, _ => 1,
        });
        if (step.ByStripe && (intent.Id is not null || step.Wild))
            return await RefundByStripeAsync(bill, step.Kind == Refund.TooMuch || intent.Id is null ? fen : Math.Min(fen, intent.Left), intent.Id);
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
        _model.StripeRefunds++;
        bill.RefundedByIntent[intent] = bill.RefundedByIntent.GetValueOrDefault(intent) + fen;
        await _checks.QuietAsync();
        return $"refunded ¥{Yuan(fen)} of {bill} through Stripe: " + await PostedAsync(bill, fen, path);
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
            (entry.Kind, entry.TotalFen).ShouldBe((JournalEntryKind.EscrowRefund, fen), $"the refund of {bill} comes from escrow");
            bill.RefundFromEscrow(_model.Books, fen);
            return "from escrow";
        }
        entry.Kind.ShouldBe(JournalEntryKind.Refund, $"the refund of {bill} reverses its settlement");
        var expected = WalkSplit.Reverse(bill.Order.Settlement!, bill.Order.Supplier.Id, fen, _model.HouseholdBalance);
        entry.Postings.GroupBy(p => (p.Account.ToString(), p.ProductId, p.CoveredHouseholdId)).Select(g => (g.Key, g.Sum(p => p.AmountFen))).Where(p => p.Item2 != 0).Order()
            .ShouldBe(expected.Select(p => ((p.Account.ToString(), p.Product, p.Covered), p.Fen)).Order(),
                $"the refund of {bill} reverses each part in proportion, households giving back at most what they hold");
        bill.Refunds.Add((fen, true));
        _model.Books.Post(expected.Select(p => (p.Account, p.Fen)).ToArray());
        var covered = expected.Where(p => p.Covered is not null).Sum(p => p.Fen);
        return covered == 0 ? "reversing the split" : $"reversing the split, the supplier covering ¥{Yuan(covered)} households no longer hold";
    }
}
