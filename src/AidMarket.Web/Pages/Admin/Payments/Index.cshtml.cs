using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Payments;
using AidMarket.Web.Payments;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Admin.Payments;

/// <summary>
/// 对公转账: platform finance records transfers the bank received, one by hand or a whole CSV statement. Each is matched to an
/// invoice by the payment reference in its memo: exact and partial payments are applied at once, overpaid ones are applied with
/// the excess shown for handling, unmatched ones wait for handling; a slip already recorded is skipped.
/// </summary>
public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class TransferInput
    {
        [Required(ErrorMessage = "Enter the date received.")] [Display(Name = "Date received")] public DateOnly? ReceivedOn { get; set; }
        [Required(ErrorMessage = "Enter the amount.")] [Range(0.01, 100_000_000, ErrorMessage = "Enter an amount greater than zero.")]
        [Display(Name = "Amount (yuan)")] public decimal? Amount { get; set; }
        [Required(ErrorMessage = "Enter the memo or payment reference.")] [StringLength(500)] [Display(Name = "Memo or payment reference")] public string? Memo { get; set; }
        [Required(ErrorMessage = "Enter the bank slip number.")] [StringLength(64)] [Display(Name = "Bank slip number")] public string? SlipNumber { get; set; }
    }

    [BindProperty] public TransferInput Input { get; set; } = new();
    public IReadOnlyList<BankTransferRecord> Transfers { get; private set; } = [];
    public IReadOnlyList<Invoice> Outstanding { get; private set; } = [];
    public IReadOnlyList<Invoice> Paid { get; private set; } = [];
    public IReadOnlyList<StripeEventRecord> StripeProblems { get; private set; } = [];
    public IReadOnlyList<string> Results { get; private set; } = [];
    public IReadOnlyList<string> RowErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var transfer = new BankTransfer(Input.ReceivedOn!.Value, Money.FromYuan(Input.Amount!.Value), Input.Memo!.Trim(), Input.SlipNumber!.Trim());
        return await RecordAsync([transfer], ct);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? statement, CancellationToken ct)
    {
        if (statement is null || statement.Length == 0)
        {
            ModelState.AddModelError(string.Empty, l["Choose a CSV bank statement to import."]);
            await LoadAsync(ct);
            return Page();
        }
        using var reader = new StreamReader(statement.OpenReadStream());
        var parsed = BankStatementCsv.Parse(await reader.ReadToEndAsync(ct));
        if (!parsed.IsValid)
        {
            RowErrors = parsed.Errors.Select(e => l["Line {0}: {1}", e.Line, l.Error(new DomainException(e.Code, e.Message))].Value).ToList();
            ModelState.AddModelError(string.Empty, l["Nothing was imported: correct these rows and import the file again."]);
            await LoadAsync(ct);
            return Page();
        }
        return await RecordAsync(parsed.Transfers, ct);
    }

    /// <summary>Matches and records the transfers in one transaction; invoices are locked so payments never interleave.</summary>
    private async Task<IActionResult> RecordAsync(IReadOnlyList<BankTransfer> transfers, CancellationToken ct)
    {
        var results = new List<string>();
        string? error;
        try
        {
            error = await TryRecordAsync(transfers, results, ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            error = l["The same bank slip was recorded at the same moment by someone else; nothing was saved. Look at the list again."];
        }
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Results"] = string.Join("\n", results);
        return RedirectToPage();
    }

    private Task<string?> TryRecordAsync(IReadOnlyList<BankTransfer> transfers, List<string> results, CancellationToken ct) =>
        Decisions.TryAsync(db, l, async () =>
        {
            var now = DateTimeOffset.UtcNow;
            var references = BankTransferMatching.ReferencesIn(transfers);
            var invoices = (await Invoicing.LockAsync(db, references.Select(r => r.Value).ToArray(), ct)).ToDictionary(i => i.Reference);
            var slips = transfers.Select(t => t.SlipKey).ToList();
            var recorded = (await db.BankTransfers.Where(t => slips.Contains(t.SlipKey)).Select(t => t.SlipKey).ToListAsync(ct)).ToHashSet();
            var outstanding = references.Where(r => invoices.ContainsKey(r.Value)).ToDictionary(r => r, r => invoices[r.Value].Outstanding);
            foreach (var match in BankTransferMatching.ClassifyStatement(transfers, outstanding, recorded))
            {
                var t = match.Transfer;
                if (match.Kind == TransferMatchKind.DuplicateSlip)
                {
                    results.Add(l["Slip {0} was already recorded; skipped.", t.SlipNumber]);
                    continue;
                }
                var invoice = match.Reference is { } r && match.Kind != TransferMatchKind.Unmatched ? invoices[r.Value] : null;
                if (invoice is not null) Invoicing.ApplyPayment(db, invoice, t.Amount, PaymentMethod.BankTransfer, t.SlipKey, now);
                db.BankTransfers.Add(new BankTransferRecord(t, match, invoice?.Id, me.UserId!, now));
                results.Add(l["Slip {0} ({1}): {2}", t.SlipNumber, t.Amount.ToString(), l["TransferMatch." + match.Kind].Value].Value);
            }
        }, ct);

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string? note, CancellationToken ct)
    {
        if (await db.BankTransfers.SingleOrDefaultAsync(t => t.Id == id, ct) is not { } transfer) return NotFound();
        var error = await Decisions.TryAsync(db, l, () => { transfer.Resolve(note ?? ""); return Task.CompletedTask; }, ct);
        if (error is not null) { ModelState.AddModelError(string.Empty, error); await LoadAsync(ct); return Page(); }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (TempData["Results"] is string text) Results = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Transfers = await db.BankTransfers.AsNoTracking().OrderByDescending(t => t.RecordedAt).Take(100).ToListAsync(ct);
        Outstanding = await db.Invoices.AsNoTracking().Where(i => i.Paid < i.Amount - i.Credited).OrderBy(i => i.IssuedAt).Take(100).ToListAsync(ct);
        Paid = await db.Invoices.AsNoTracking().Where(i => i.Paid >= i.Amount - i.Credited).OrderByDescending(i => i.IssuedAt).Take(50).ToListAsync(ct);
        StripeProblems = await db.StripeEvents.AsNoTracking().Where(e => e.Error != null).OrderByDescending(e => e.ReceivedAt).Take(50).ToListAsync(ct);
        Input.ReceivedOn ??= DateOnly.FromDateTime(DateTime.Now);
    }
}
