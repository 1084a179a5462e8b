using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Security;

namespace AidMarket.Web.Pages.CountyDesk.Households;

public class DetailsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, SensitiveData sensitive)
    : CountyPageModel(db, me, l)
{
    public sealed record LinkRow(Guid SupplierId, string SupplierName, LinkKind Kind, int Weight, LinkStatus Status, DateOnly StartsOn, DateOnly? EndsOn);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public Household Household { get; private set; } = null!;
    public IReadOnlyList<LinkRow> Links { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];
    /// <summary>Set only after the officer asked to see it, which is recorded.</summary>
    public string? FullIdNumber { get; private set; }
    public string? FullPayoutAccount { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await Db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == Id && h.CountyCode == County, ct) is not { } household)
            return false;
        Household = household;
        Links = await (from k in Db.BenefitLinks
                       join s in Db.Suppliers on k.SupplierId equals s.Id
                       where k.HouseholdId == Id
                       orderby k.ProposedAt descending
                       select new LinkRow(s.Id, s.LegalName, k.Kind, k.Weight, k.Status, k.StartsOn, k.EndsOn)).ToListAsync(ct);
        Trail = await Db.AuditEntries.AsNoTracking().Where(a => a.EntityId == Id && a.CountyCode == County)
            .OrderByDescending(a => a.At).Take(50).ToListAsync(ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Db.Audit(AuditEntry.Record(Me, "Audit.IdNumberViewed", nameof(Household), Household.Id, County));
        if (Household.PayoutAccountCipher is not null) // shown beside it: its own entry, so a search for account views finds it
            Db.Audit(AuditEntry.Record(Me, "Audit.PayoutAccountViewed", nameof(Household), Household.Id, County));
        await Db.SaveChangesAsync(ct);
        FullIdNumber = sensitive.Unseal(Household.IdNumberCipher);
        FullPayoutAccount = Household.PayoutAccountCipher is { } account ? sensitive.Unseal(account) : null;
        Trail = await Db.AuditEntries.AsNoTracking().Where(a => a.EntityId == Id && a.CountyCode == County)
            .OrderByDescending(a => a.At).Take(50).ToListAsync(ct);
        return Page();
    }
}
