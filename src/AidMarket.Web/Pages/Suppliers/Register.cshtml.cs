using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Suppliers;

/// <summary>Anyone with an account registers a supplier: it waits for the officers of its county, and the person becomes its manager.</summary>
public class RegisterModel(AidMarketDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, CurrentUser me,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public SupplierForm Input { get; set; } = new();
    public IReadOnlyList<County> Counties { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Counties = await db.Counties.OrderBy(c => c.Code).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Counties = await db.Counties.OrderBy(c => c.Code).ToListAsync(ct);
        if (me.OrganizationId is not null)
            ModelState.AddModelError(string.Empty, l["Your account already belongs to another organization."]);
        var details = Input.ToDetails(ModelState, nameof(Input), k => l[k]);
        if (Counties.All(c => c.Code != Input.CountyCode))
            ModelState.AddModelError("Input.CountyCode", l["Please choose a county from the list."]);
        if (details is not null && await db.Suppliers.AnyAsync(s => s.CreditCode == details.CreditCode.Value, ct))
            ModelState.AddModelError("Input.CreditCode", l["A supplier with this credit code is already registered."]);
        if (await db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.Supplier && o.Name == Input.LegalName.Trim(), ct))
            ModelState.AddModelError("Input.LegalName", l["An organization of this kind with this name already exists."]);
        if (!ModelState.IsValid || details is null) return Page();

        try
        {
            var now = DateTimeOffset.UtcNow;
            var org = new Organization(OrganizationKind.Supplier, details.LegalName, details.CountyCode);
            var supplier = new Supplier(org.Id, details, Input.Plan, now);
            var user = (await users.GetUserAsync(User))!;
            if (user.OrganizationId is not null) // the cookie may be older than the account
            {
                ModelState.AddModelError(string.Empty, l["Your account already belongs to another organization."]);
                return Page();
            }
            user.JoinOrganization(org, OrganizationRole.Manager);
            db.Organizations.Add(org);
            db.Suppliers.Add(supplier);
            db.Publish(new SupplierRegistered(supplier.Id, supplier.CountyCode, supplier.LegalName));
            db.Audit(AuditEntry.Record(me, "Audit.SupplierRegistered", nameof(Supplier), supplier.Id, supplier.CountyCode,
                after: new { supplier.LegalName, supplier.CreditCode, supplier.Kind, Share = Input.SharePercent }));
            var saved = await users.UpdateAsync(user); // one SaveChanges: organization, supplier, plan, membership, event, audit
            if (!saved.Succeeded)
            {
                foreach (var e in saved.Errors) ModelState.AddModelError(string.Empty, e.Description);
                return Page();
            }
            await signIn.RefreshSignInAsync(user);
            return RedirectToPage("/Supplier/Index");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return Page();
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            ModelState.AddModelError(string.Empty, l["A supplier with this credit code is already registered."]);
            return Page();
        }
    }
}
