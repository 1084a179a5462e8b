using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Procurement;

/// <summary>Standing agreements seen from one side; subclasses say which agreements are the user's.</summary>
public abstract class AgreementPageModel(AidMarketDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    protected AidMarketDbContext Db => db;
    public (IReadOnlyList<StandingAgreement> Agreements, IReadOnlyDictionary<Guid, string> Names, IReadOnlyList<StandingOrderRun> Runs, bool IsSupplier, bool MayDecide) View { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    /// <summary>The user's agreements, or null when they may see none.</summary>
    protected abstract Task<IQueryable<StandingAgreement>?> MineAsync(CancellationToken ct);
    /// <summary>What the other side is called on this page (the supplier for a buyer, the buyer for a supplier).</summary>
    protected abstract Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyList<StandingAgreement> agreements, CancellationToken ct);
    protected abstract bool IsSupplier { get; }
    /// <summary>On the buyer's side only purchasers and admins decide; a supplier may accept, pause or end, never resume a buyer's pause.</summary>
    protected abstract bool MayDecide { get; }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await MineAsync(ct) is not { } mine) return NotFound();
        var agreements = await mine.AsNoTracking().OrderByDescending(a => a.StartsOn).ToListAsync(ct);
        var ids = agreements.Select(a => a.Id).ToList();
        var runs = await db.StandingOrderRuns.AsNoTracking().Where(r => ids.Contains(r.AgreementId)).ToListAsync(ct);
        View = (agreements, await NamesAsync(agreements, ct), runs, IsSupplier, MayDecide);
        return Page();
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public Task<IActionResult> OnPostAcceptAsync(Guid agreementId, CancellationToken ct) =>
        IsSupplier ? ChangeAsync(agreementId, a => a.Accept(Today), "Accepted", ct) : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostPauseAsync(Guid agreementId, CancellationToken ct) => ChangeAsync(agreementId, a => a.Pause(), "Paused", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid agreementId, CancellationToken ct) =>
        IsSupplier ? Task.FromResult<IActionResult>(Forbid()) : ChangeAsync(agreementId, a => a.Resume(Today), "Resumed", ct);

    public Task<IActionResult> OnPostEndAsync(Guid agreementId, CancellationToken ct) => ChangeAsync(agreementId, a => a.End(), "Ended", ct);

    private async Task<IActionResult> ChangeAsync(Guid agreementId, Action<StandingAgreement> change, string what, CancellationToken ct)
    {
        if (!MayDecide) return Forbid();
        if (await MineAsync(ct) is not { } mine || await mine.SingleOrDefaultAsync(a => a.Id == agreementId, ct) is not { } agreement) return NotFound();
        if (await Decisions.TryAsync(db, l, () =>
            {
                change(agreement);
                db.Publish(new StandingAgreementChanged(agreement.Id, agreement.BuyerOrganizationId, agreement.SupplierId, what));
                return Task.CompletedTask;
            }, ct) is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return await ShowAsync(ct);
        }
        StatusMessage = l["Agreement" + what];
        return RedirectToPage();
    }
}
