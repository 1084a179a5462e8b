using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Security;

namespace AidMarket.Web.Pages.CountyDesk.Households;

/// <summary>Adds a household to the officer's county or edits one of them; every change is audited with its before and after.</summary>
public class EditModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, SensitiveData sensitive)
    : CountyPageModel(db, me, l)
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public HouseholdForm Input { get; set; } = new();
    public Household? Existing { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Id is null) return true;
        Existing = await Db.Households.SingleOrDefaultAsync(h => h.Id == Id && h.CountyCode == County, ct);
        return Existing is not null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } h)
            Input = new HouseholdForm { HeadName = h.HeadName, Village = h.Village, Size = h.Size, Status = h.Status, BaselineIncome = h.BaselineIncome.Yuan };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var (details, errors) = Input.ToDetails(sensitive, Existing);
        foreach (var (field, key) in errors) ModelState.AddModelError($"Input.{field}", L[key]);
        if (details is not null) await CheckIdNumberAsync(details.IdNumber.Lookup!, ct);
        if (!ModelState.IsValid || details is null) return Page();
        try
        {
            var now = DateTimeOffset.UtcNow;
            var household = Existing;
            var before = household?.Snapshot();
            if (household is null)
            {
                household = new Household(County, details, Household.NewCardCode(), now);
                Db.Households.Add(household);
            }
            else household.Update(details, now);
            Db.Audit(AuditEntry.Record(Me, before is null ? "Audit.HouseholdCreated" : "Audit.HouseholdChanged", nameof(Household),
                household.Id, County, before, household.Snapshot()));
            await Db.SaveChangesAsync(ct);
            StatusMessage = L["The household is saved."];
            return RedirectToPage("Details", new { id = household.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, L.Error(ex));
            return Page();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            ModelState.AddModelError("Input.IdNumber", L["A household with this ID number is already registered."]);
            return Page();
        }
    }

    /// <summary>Taken in this county: said so. Taken in another: only "contact the platform", and audited (saved at once).</summary>
    private async Task CheckIdNumberAsync(string lookup, CancellationToken ct)
    {
        if ((await IdNumberElsewhere.HoldersAsync(Db, [lookup], Id, ct)).Values.SingleOrDefault() is not { } holder) return;
        if (holder.CountyCode == County)
        {
            ModelState.AddModelError("Input.IdNumber", L["A household with this ID number is already registered."]);
            return;
        }
        ModelState.AddModelError("Input.IdNumber", L[IdNumberElsewhere.Message]);
        IdNumberElsewhere.Audit(Db, Me, County, holder);
        await Db.SaveChangesAsync(ct);
    }
}
