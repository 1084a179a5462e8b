using AidMarket.Domain.Payments;
using AidMarket.Web.Auditing;
using AidMarket.Web.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Admin.Payouts;

/// <summary>供应商结算付款: suppliers the ledger owes money, and the bank batches that pay them (platform finance).</summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, SupplierPayouts payouts) : PageModel
{
    public sealed record Payable(Guid Id, string Name, string BankName, string BankAccount, long BalanceFen, PayoutMethod Channel);
    public sealed record BatchRow(Guid Id, DateTimeOffset CreatedAt, int Payouts, long TotalFen, int Pending, int Paid, int Failed);

    public IReadOnlyList<Payable> Payables { get; private set; } = [];
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        SupplierPayoutBatch? batch = null;
        var error = await Decisions.TryAsync(db, l, async () =>
        {
            batch = await payouts.CreateBankBatchAsync(DateTimeOffset.UtcNow, ct);
            db.Audit(AuditEntry.Record(me, "Audit.PayoutBatchCreated", nameof(SupplierPayoutBatch), batch.Id, null,
                after: new { Suppliers = batch.Payouts.Count, Total = new Money(batch.TotalFen).ToString() }));
        }, ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage("Details", new { id = batch!.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var balances = await PayableBalances.OfSuppliersAsync(db, ct);
        var ids = balances.Keys.ToList();
        Payables = (await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id))
                .Select(s => new { s.Id, s.LegalName, s.BankName, s.BankAccount }).ToListAsync(ct))
            .Select(s => new Payable(s.Id, s.LegalName, s.BankName, Domain.Producers.Household.MaskAccount(s.BankAccount), balances[s.Id], payouts.ChannelFor(s.Id)))
            .OrderBy(s => s.Name).ToList();
        Batches = await db.SupplierPayoutBatches.AsNoTracking().OrderByDescending(b => b.CreatedAt).Take(100)
            .Select(b => new BatchRow(b.Id, b.CreatedAt, b.Payouts.Count(), b.Payouts.Sum(p => p.AmountFen),
                b.Payouts.Count(p => p.Status == PayoutStatus.Pending), b.Payouts.Count(p => p.Status == PayoutStatus.Paid),
                b.Payouts.Count(p => p.Status == PayoutStatus.Failed)))
            .ToListAsync(ct);
    }
}
