using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Ledger;

namespace AidMarket.Web.Pages.CountyDesk.Disbursements;

/// <summary>
/// 收益发放: the county's households the ledger owes money, and the batches that pay them to their 惠农一卡通 accounts. A batch takes
/// every household with a payout account and a balance of at least the minimum, with the households locked while it is made.
/// </summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public sealed record Payable(Guid Id, string HeadName, string Village, string CardCode, string? PayoutAccountMasked, Money Balance);
    public sealed record BatchRow(Guid Id, DateTimeOffset CreatedAt, int Lines, Money Total, int Pending, int Paid, int Failed);

    [BindProperty, Display(Name = "Minimum per household (yuan)"), Range(0d, 1_000_000d, ErrorMessage = "Enter an amount from 0 to 1,000,000.")]
    public decimal? MinimumYuan { get; set; }
    public IReadOnlyList<Payable> Payables { get; private set; } = [];
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        DisbursementBatch? batch = null;
        var error = await Decisions.TryAsync(Db, L, async () =>
        {
            await PayableBalances.LockCountyHouseholdsAsync(Db, County, ct);
            var balances = await PayableBalances.OfCountyHouseholdsAsync(Db, County, ct);
            var ids = balances.Keys.ToList();
            var payable = await Db.Households.Where(h => ids.Contains(h.Id) && h.PayoutAccountCipher != null).Select(h => h.Id).ToListAsync(ct);
            batch = DisbursementBatch.FromBalances(payable.ToDictionary(id => id, id => balances[id]),
                Money.FromYuan(MinimumYuan ?? 0), DateTimeOffset.UtcNow, County);
            Db.DisbursementBatches.Add(batch);
            Db.JournalEntries.Add(batch.SentEntry());
            Db.Audit(AuditEntry.Record(Me, "Audit.DisbursementBatchCreated", nameof(DisbursementBatch), batch.Id, County,
                after: new { Households = batch.Lines.Count, Total = batch.Total.ToString() }));
        }, ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            await LoadAsync(ct);
            return Page();
        }
        StatusMessage = L["Batch created: export the payment file for the bank, then mark each line paid or failed."];
        return RedirectToPage("Details", new { id = batch!.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var balances = await PayableBalances.OfCountyHouseholdsAsync(Db, County, ct);
        var ids = balances.Keys.ToList();
        Payables = (await Db.Households.AsNoTracking().Where(h => ids.Contains(h.Id) && h.CountyCode == County)
                .Select(h => new { h.Id, h.HeadName, h.Village, h.CardCode, h.PayoutAccountMasked }).ToListAsync(ct))
            .Select(h => new Payable(h.Id, h.HeadName, h.Village, h.CardCode, h.PayoutAccountMasked, balances[h.Id]))
            .OrderBy(h => h.Village).ThenBy(h => h.HeadName).ToList();
        Batches = await Db.DisbursementBatches.AsNoTracking().Where(b => b.CountyCode == County).OrderByDescending(b => b.CreatedAt).Take(100)
            .Select(b => new BatchRow(b.Id, b.CreatedAt, b.Lines.Count(), new Money(b.Lines.Sum(x => x.Amount.Fen)),
                b.Lines.Count(x => x.Status == DisbursementStatus.Pending), b.Lines.Count(x => x.Status == DisbursementStatus.Paid),
                b.Lines.Count(x => x.Status == DisbursementStatus.Failed)))
            .ToListAsync(ct);
    }
}
