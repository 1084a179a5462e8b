using AidMarket.Domain.Procurement;
using AidMarket.Web.Ledger;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Admin.Ledger;

/// <summary>
/// 账务核验: the platform admin runs the ledger integrity check (the same as `AidMarket.Web ledger verify`) and sees the paid
/// orders that settlement has not taken, with why: typically a supplier without a confirmed household link for goods shipped
/// without a lot, which county staff must fix before the order can be settled.
/// </summary>
public class IndexModel(LedgerIntegrity integrity, SettlementRunner settlement) : PageModel
{
    /// <summary>Paid orders younger than this are simply waiting for the consumer or the next sweep.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(5);

    public IntegrityReport? Report { get; private set; }
    public IReadOnlyList<(SupplierOrder Order, DomainException? Problem)> Stuck { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Stuck = await settlement.StuckAsync(StuckAfter, 100, ct);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Report = await integrity.VerifyAsync(ct);
        Stuck = await settlement.StuckAsync(StuckAfter, 100, ct);
        return Page();
    }
}
