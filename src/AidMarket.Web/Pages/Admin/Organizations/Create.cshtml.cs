using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Regions;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Admin.Organizations;

public class CreateModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<County> Counties { get; private set; } = [];

    public class InputModel
    {
        [Display(Name = "Kind")] public OrganizationKind Kind { get; set; } = OrganizationKind.Buyer;
        [Required(ErrorMessage = "Please enter {0}."), StringLength(200, ErrorMessage = "{0} is too long."), Display(Name = "Name")]
        public string Name { get; set; } = "";
        [Display(Name = "County")] public string? CountyCode { get; set; }
        [Display(Name = "Buyer kind")] public BuyerKind? BuyerKind { get; set; }
        [StringLength(100, ErrorMessage = "{0} is too long."), Display(Name = "Paired eastern district")]
        public string? PartnerDistrictName { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Counties = await db.Counties.OrderBy(c => c.Code).ToListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Counties = await db.Counties.OrderBy(c => c.Code).ToListAsync(ct);
        if (!ModelState.IsValid) return Page();
        if (Input.CountyCode is { Length: > 0 } code && Counties.All(c => c.Code != code))
            ModelState.AddModelError("Input.CountyCode", l["Please choose a county from the list."]);
        if (await db.Organizations.AnyAsync(o => o.Kind == Input.Kind && o.Name == Input.Name.Trim(), ct))
            ModelState.AddModelError("Input.Name", l["An organization of this kind with this name already exists."]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var needsCounty = Input.Kind is OrganizationKind.County or OrganizationKind.Supplier;
            var org = new AidMarket.Domain.Organizations.Organization(Input.Kind, Input.Name, needsCounty ? Input.CountyCode : null, Input.BuyerKind);
            if (Input.Kind == OrganizationKind.PartnerDistrict && !string.IsNullOrWhiteSpace(Input.PartnerDistrictName))
                org.PairWithDistrict(Input.PartnerDistrictName.Trim());
            db.Organizations.Add(org);
            db.Publish(new OrganizationCreated(org.Id, org.Kind, org.Name, me.UserId!));
            await db.SaveChangesAsync(ct);
            return RedirectToPage("Details", new { id = org.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            return Page();
        }
    }
}
