using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Web.Auditing;
using AidMarket.Web.Payments;
using AidMarket.Web.Security;

namespace AidMarket.Web.Pages.CountyDesk.Disbursements;

/// <summary>
/// One batch of the officer's county: the payment file for the bank, and the bank's answer per line. A line is marked paid or
/// failed once: the entry written with it has a key shared by both answers, so of two officers clicking at once one is refused.
/// </summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, SensitiveData sensitive)
    : CountyPageModel(db, me, l)
{
    public sealed record Row(DisbursementLine Line, string HeadName, string Village, string CardCode, string? PayoutAccountMasked);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public DisbursementBatch Batch { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The file carries full names and full account numbers, as the bank needs them: exporting it is recorded.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var ids = Batch.Lines.Select(x => x.HouseholdId).ToList();
        var accounts = await Db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.PayoutAccountCipher, ct);
        Db.Audit(AuditEntry.Record(Me, "Audit.DisbursementFileExported", nameof(DisbursementBatch), Batch.Id, County));
        await Db.SaveChangesAsync(ct);
        var file = PaymentFile.Csv(
            [L["Card code"], L["Account holder"], L["Payout account"], L["Amount (yuan)"], L["Line id"]],
            Rows.Select(r => (IReadOnlyList<string>)[r.CardCode, r.HeadName,
                accounts[r.Line.HouseholdId] is { } sealedAccount ? sensitive.Unseal(sealedAccount) : "", PaymentFile.Yuan(r.Line.Amount), r.Line.Id.ToString("D")]));
        return File(file, PaymentFile.ContentType, $"disbursement-{Batch.CreatedAt:yyyyMMdd}-{Batch.Id.ToString("N")[..8]}.csv");
    }

    public Task<IActionResult> OnPostPaidAsync(Guid lineId, string? reference, CancellationToken ct) =>
        MarkAsync(lineId, "Audit.DisbursementPaid", (line, now) => Batch.MarkPaid(line.HouseholdId, reference, now), ct);

    public Task<IActionResult> OnPostFailedAsync(Guid lineId, string? reason, CancellationToken ct) =>
        MarkAsync(lineId, "Audit.DisbursementFailed", (line, now) => Batch.MarkFailed(line.HouseholdId, reason ?? "", now), ct);

    private async Task<IActionResult> MarkAsync(Guid lineId, string action, Func<DisbursementLine, DateTimeOffset, JournalEntry> mark, CancellationToken ct)
    {
        if (!await LoadAsync(ct, tracked: true) || Batch.Lines.SingleOrDefault(x => x.Id == lineId) is not { } line) return NotFound();
        var error = await Decisions.TryOnceAsync(Db, L, () =>
        {
            Db.JournalEntries.Add(mark(line, DateTimeOffset.UtcNow));
            Db.Audit(AuditEntry.Record(Me, action, nameof(DisbursementBatch), Batch.Id, County,
                after: new { Household = line.HouseholdId, Amount = line.Amount.ToString(), line.BankReference }, reason: line.FailureReason));
            return Task.CompletedTask;
        }, "This line was already marked paid or failed by someone else. Nothing was saved.", ct);
        if (error is null) return RedirectToPage(new { id = Id });
        ModelState.AddModelError(string.Empty, error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool tracked = false)
    {
        var query = Db.DisbursementBatches.Where(b => b.Id == Id && b.CountyCode == County);
        if (await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct) is not { } batch) return false;
        Batch = batch;
        var ids = batch.Lines.Select(x => x.HouseholdId).ToList();
        var households = await Db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => new { h.HeadName, h.Village, h.CardCode, h.PayoutAccountMasked }, ct);
        Rows = batch.Lines.Select(x =>
            {
                var h = households[x.HouseholdId];
                return new Row(x, h.HeadName, h.Village, h.CardCode, h.PayoutAccountMasked);
            })
            .OrderBy(r => r.Village).ThenBy(r => r.HeadName).ToList();
        return true;
    }
}
