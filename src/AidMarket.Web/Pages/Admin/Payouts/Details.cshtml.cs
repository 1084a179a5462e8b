using AidMarket.Domain.Payments;
using AidMarket.Web.Auditing;
using AidMarket.Web.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Admin.Payouts;

/// <summary>One bank payout batch: its file for the bank, and the bank's answer per supplier, given once (the row version refuses a second).</summary>
public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(SupplierPayout Payout, string Name, string BankName, string BankAccount);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public SupplierPayoutBatch Batch { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var file = PaymentFile.Csv([l["Supplier"], l["Bank"], l["Payout account"], l["Amount (yuan)"], l["Line id"]],
            Rows.Select(r => (IReadOnlyList<string>)[r.Name, r.BankName, r.BankAccount, PaymentFile.Yuan(r.Payout.Amount), r.Payout.Id.ToString("D")]));
        return File(file, PaymentFile.ContentType, $"supplier-payouts-{Batch.CreatedAt:yyyyMMdd}-{Batch.Id.ToString("N")[..8]}.csv");
    }

    public Task<IActionResult> OnPostPaidAsync(Guid payoutId, string? reference, CancellationToken ct) =>
        MarkAsync(payoutId, "Audit.PayoutPaid", (p, now) => p.MarkPaid(reference, now), ct);

    public Task<IActionResult> OnPostFailedAsync(Guid payoutId, string? reason, CancellationToken ct) =>
        MarkAsync(payoutId, "Audit.PayoutFailed", (p, now) => db.JournalEntries.Add(p.MarkFailed(reason ?? "", now)), ct);

    private async Task<IActionResult> MarkAsync(Guid payoutId, string action, Action<SupplierPayout, DateTimeOffset> mark, CancellationToken ct)
    {
        if (await db.SupplierPayouts.SingleOrDefaultAsync(p => p.Id == payoutId && p.BatchId == Id, ct) is not { } payout) return NotFound();
        var error = await Decisions.TryOnceAsync(db, l, () =>
        {
            mark(payout, DateTimeOffset.UtcNow);
            db.Audit(AuditEntry.Record(me, action, nameof(SupplierPayout), payout.Id, null,
                after: new { Supplier = payout.SupplierId, Amount = payout.Amount.ToString(), payout.BankReference }, reason: payout.FailureReason));
            return Task.CompletedTask;
        }, "This payout was already marked paid or failed by someone else. Nothing was saved.", ct);
        if (error is null) return RedirectToPage(new { id = Id });
        ModelState.AddModelError(string.Empty, error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.SupplierPayoutBatches.AsNoTracking().Include(b => b.Payouts).SingleOrDefaultAsync(b => b.Id == Id, ct) is not { } batch) return false;
        Batch = batch;
        var ids = batch.Payouts.Select(p => p.SupplierId).ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new { s.LegalName, s.BankName, s.BankAccount }, ct);
        Rows = batch.Payouts.Select(p =>
        {
            var s = suppliers[p.SupplierId];
            return new Row(p, s.LegalName, s.BankName, s.BankAccount);
        }).OrderBy(r => r.Name).ToList();
        return true;
    }
}
