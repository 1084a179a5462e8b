using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using static AidMarket.Web.Tests.Ledger.WalkStep;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>Money out to households and suppliers: disbursement batches of a county, supplier payout batches, and the bank's answers.</summary>
public sealed partial class MarketWalk
{
    private async Task<string> CreateDisbursementsAsync(CreateDisbursements step)
    {
        var county = _model.Counties[step.County % _model.Counties.Count];
        var owed = county.Households.Select(h => (Household: h, Fen: _model.HouseholdBalance(h))).Where(h => h.Fen > 0).OrderBy(h => h.Fen).ToList();
        var minimum = step.Minimum % (owed.Count + 1) is var k and > 0 ? owed[k - 1].Fen : 0;
        var expected = owed.Where(h => h.Fen >= minimum).ToList();
        var create = () => PayoutForms.CreateDisbursementBatchAsync(_people.Officers[county.Code][0], minimum > 0 ? Yuan(minimum) : "");
        if (expected.Count == 0) return await RefusedAsync($"a disbursement batch in {county.Office} with no household owed", create);
        var batchId = Browser.RedirectId(await DoneAsync($"a disbursement batch in {county.Office}", create()));
        var batch = await _app.QueryAsync(db => db.DisbursementBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        batch.Lines.Select(l => (l.HouseholdId, l.Amount.Fen)).ShouldBe(expected, ignoreOrder: true, "a line for each household owed at least the minimum, for all it is owed");
        foreach (var line in batch.Lines)
        {
            _model.Disbursements.Add(new WalkPayment(batchId, line.Id, line.HouseholdId, line.Amount.Fen, county.Code));
            _model.Books.Post((LedgerAccount.Household(line.HouseholdId), line.Amount.Fen), (LedgerAccount.DisbursementsInTransit, -line.Amount.Fen));
        }
        return $"disbursement batch in {county.Office} (minimum ¥{Yuan(minimum)}): {batch.Lines.Count} households, ¥{Yuan(batch.Total.Fen)}";
    }

    private async Task<string> AnswerDisbursementAsync(AnswerDisbursement step)
    {
        if (WalkModel.Pick(_model.Disbursements, step.Line, step.Wild, d => d.Status == WalkPaymentStatus.Pending) is not { } line) return "no disbursement line";
        if (step.OtherCounty)
        {
            var outsider = _people.Officers.First(o => o.Key != line.County).Value[0];
            return await RefusedAsync($"an officer of another county answering line {line.Id}", async () => await outsider.PostWithTokenAsync(
                $"/County/Disbursements/Details/{line.BatchId}?handler=Paid&lineId={line.Id}", new Dictionary<string, string> { ["reference"] = "HN-X" },
                Browser.TokenFrom(await outsider.GetPageAsync("/County/Disbursements"))), HttpStatusCode.NotFound);
        }
        Task<HttpResponseMessage> Mark(Browser officer, bool paid) => PayoutForms.MarkDisbursementAsync(officer, line.BatchId, line.Id,
            paid ? "Paid" : "Failed", paid ? "reference" : "reason", paid ? "HNYKT-OK" : "账户已销户");
        var officers = _people.Officers[line.County!];
        if (line.Status != WalkPaymentStatus.Pending) return await RefusedAsync($"answering line {line.Id} again ({line.Status})", () => Mark(officers[0], step.Paid));
        var paid = await AnswerOnceAsync(step.AtOnce, step.Paid, officers, Mark, async () =>
            (await _app.QueryAsync(db => db.DisbursementBatches.AsNoTracking().SingleAsync(b => b.Id == line.BatchId))).Lines.Single(l => l.Id == line.Id).Status == DisbursementStatus.Paid);
        line.Status = paid ? WalkPaymentStatus.Paid : WalkPaymentStatus.Failed;
        _model.Books.Post((LedgerAccount.DisbursementsInTransit, line.Fen), (paid ? LedgerAccount.Cash : LedgerAccount.Household(line.Owner), -line.Fen));
        return $"disbursement of ¥{Yuan(line.Fen)} {line.Status}{(step.AtOnce ? " (two answers at once)" : "")}";
    }

    private async Task<string> CreatePayoutsAsync()
    {
        var owed = _model.Suppliers.Select(s => (s.Id, Fen: _model.Books.CreditBalance(LedgerAccount.Supplier(s.Id)))).Where(s => s.Fen > 0).ToList();
        var create = () => PayoutForms.CreatePayoutBatchAsync(_people.Admins[0]);
        if (owed.Count == 0) return await RefusedAsync("a payout batch with no supplier owed", create);
        var batchId = Browser.RedirectId(await DoneAsync("a supplier payout batch", create()));
        var payouts = await _app.QueryAsync(db => db.SupplierPayouts.AsNoTracking().Where(p => p.BatchId == batchId).ToListAsync());
        payouts.Select(p => (p.SupplierId, p.Amount.Fen)).ShouldBe(owed, ignoreOrder: true, "a payout to each supplier owed, of all it is owed");
        foreach (var payout in payouts)
        {
            _model.Payouts.Add(new WalkPayment(batchId, payout.Id, payout.SupplierId, payout.Amount.Fen, null));
            _model.Books.Post((LedgerAccount.Supplier(payout.SupplierId), payout.Amount.Fen), (LedgerAccount.Cash, -payout.Amount.Fen));
        }
        return $"supplier payout batch: {payouts.Count} suppliers, ¥{Yuan(payouts.Sum(p => p.Amount.Fen))}";
    }

    private async Task<string> AnswerPayoutAsync(AnswerPayout step)
    {
        if (WalkModel.Pick(_model.Payouts, step.Payout, step.Wild, p => p.Status == WalkPaymentStatus.Pending) is not { } payout) return "no supplier payout";
        Task<HttpResponseMessage> Mark(Browser admin, bool paid) => PayoutForms.MarkPayoutAsync(admin, payout.BatchId, payout.Id,
            paid ? "Paid" : "Failed", paid ? "reference" : "reason", paid ? "BANK-OK" : "户名不符");
        if (payout.Status != WalkPaymentStatus.Pending) return await RefusedAsync($"answering payout {payout.Id} again ({payout.Status})", () => Mark(_people.Admins[0], step.Paid));
        var paid = await AnswerOnceAsync(step.AtOnce, step.Paid, _people.Admins, Mark, async () =>
            await _app.QueryAsync(db => db.SupplierPayouts.Where(p => p.Id == payout.Id).Select(p => p.Status).SingleAsync()) == PayoutStatus.Paid);
        payout.Status = paid ? WalkPaymentStatus.Paid : WalkPaymentStatus.Failed;
        if (!paid) _model.Books.Post((LedgerAccount.Cash, payout.Fen), (LedgerAccount.Supplier(payout.Owner), -payout.Fen));
        return $"supplier payout of ¥{Yuan(payout.Fen)} {payout.Status}{(step.AtOnce ? " (two answers at once)" : "")}";
    }

    /// <summary>The bank's answer to one line, or a paid and a failed answer at the same moment of which exactly one is taken. Returns whether it is paid.</summary>
    private static async Task<bool> AnswerOnceAsync(bool atOnce, bool paid, Browser[] people, Func<Browser, bool, Task<HttpResponseMessage>> mark, Func<Task<bool>> recordedPaid)
    {
        if (!atOnce)
        {
            await DoneAsync("the bank's answer", mark(people[0], paid));
            return paid;
        }
        var answers = await Task.WhenAll(mark(people[0], true), mark(people[1], false));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Redirect || a.StatusCode == HttpStatusCode.OK, "two answers at once: one taken, the other told");
        answers.Count(a => a.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, "of two answers at once exactly one is taken");
        var taken = await recordedPaid();
        taken.ShouldBe(answers[0].StatusCode == HttpStatusCode.Redirect, "the answer recorded is the one that was told so");
        return taken;
    }
}
