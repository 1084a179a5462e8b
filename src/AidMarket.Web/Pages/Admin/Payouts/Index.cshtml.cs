using AidMarket.Domain.Payments;
using AidMarket.Web.Auditing;
using AidMarket.Web.Ledger;
using AidMarket.Web.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Admin.Payouts;

/// <summary>
/// 供应商结算付款: suppliers the ledger owes money and how each is paid (platform finance): bank batches, and Stripe Connect
/// transfers, recorded first and then sent to Stripe (note 016).
/// </summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, SupplierPayouts payouts, StripeTransfers transfers)
    : PageModel
{
    public sealed record Payable(Guid Id, string Name, string BankName, string BankAccount, string? StripeAccountId, Money Balance, PayoutMethod Channel);
    public sealed record BatchRow(Guid Id, DateTimeOffset CreatedAt, int Payouts, Money Total, int Pending, int Paid, int Failed);
    public sealed record TransferRow(SupplierPayout Payout, string Name);

    public IReadOnlyList<Payable> Payables { get; private set; } = [];
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];
    public IReadOnlyList<TransferRow> Transfers { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public bool StripeEnabled => transfers.IsEnabled;
    public bool AnyForBank => Payables.Any(p => p.Channel == PayoutMethod.BankBatch);
    public bool AnyForStripe => Payables.Any(p => p.Channel == PayoutMethod.StripeConnect) || Transfers.Any(t => t.Payout.Status == PayoutStatus.Pending);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        SupplierPayoutBatch? batch = null;
        var error = await Decisions.TryAsync(db, l, async () =>
        {
            batch = await payouts.CreateBankBatchAsync(DateTimeOffset.UtcNow, ct);
            db.Audit(AuditEntry.Record(me, "Audit.PayoutBatchCreated", nameof(SupplierPayoutBatch), batch.Id, null,
                after: new { Suppliers = batch.Payouts.Count, Total = batch.Total.ToString() }));
        }, ct);
        if (error is not null) return await RefusedAsync(error, ct);
        return RedirectToPage("Details", new { id = batch!.Id });
    }

    /// <summary>Records a payout for each Stripe Connect supplier owed money, commits, then sends them and any left pending.</summary>
    public async Task<IActionResult> OnPostConnectAsync(CancellationToken ct)
    {
        IReadOnlyList<SupplierPayout> created = [];
        var error = await Decisions.TryAsync(db, l, async () =>
        {
            created = await payouts.CreateConnectPayoutsAsync(DateTimeOffset.UtcNow, ct);
            foreach (var p in created)
                db.Audit(AuditEntry.Record(me, "Audit.ConnectPayoutCreated", nameof(SupplierPayout), p.Id, null,
                    after: new { Supplier = p.SupplierId, Amount = p.Amount.ToString(), Account = p.StripeAccountId }));
        }, ct);
        if (error is not null) return await RefusedAsync(error, ct);
        var outcome = await transfers.SendPendingAsync(ct);
        if (created.Count == 0 && outcome == new StripeTransfers.Outcome(0, 0, 0))
            return await RefusedAsync(l["No supplier paid through Stripe Connect is owed anything now."], ct);
        StatusMessage = l["Stripe Connect: {0} transferred, {1} refused by Stripe and owed again, {2} waiting for Stripe.", outcome.Paid, outcome.Failed, outcome.Waiting];
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(string error, CancellationToken ct)
    {
        ModelState.AddModelError(string.Empty, error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var balances = await PayableBalances.OfSuppliersAsync(db, ct);
        var ids = balances.Keys.ToList();
        Payables = (await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id))
                .Select(s => new { s.Id, s.LegalName, s.BankName, s.BankAccount, s.StripeAccountId }).ToListAsync(ct))
            .Select(s => new Payable(s.Id, s.LegalName, s.BankName, Domain.Producers.Household.MaskAccount(s.BankAccount), s.StripeAccountId,
                balances[s.Id], payouts.ChannelFor(s.StripeAccountId)))
            .OrderBy(s => s.Name).ToList();
        Batches = await db.SupplierPayoutBatches.AsNoTracking().OrderByDescending(b => b.CreatedAt).Take(100)
            .Select(b => new BatchRow(b.Id, b.CreatedAt, b.Payouts.Count(), new Money(b.Payouts.Sum(p => p.Amount.Fen)),
                b.Payouts.Count(p => p.Status == PayoutStatus.Pending), b.Payouts.Count(p => p.Status == PayoutStatus.Paid),
                b.Payouts.Count(p => p.Status == PayoutStatus.Failed)))
            .ToListAsync(ct);
        Transfers = await (from p in db.SupplierPayouts.AsNoTracking()
                           where p.Method == PayoutMethod.StripeConnect
                           join s in db.Suppliers on p.SupplierId equals s.Id
                           orderby p.CreatedAt descending, s.LegalName
                           select new TransferRow(p, s.LegalName)).Take(100).ToListAsync(ct);
    }
}
