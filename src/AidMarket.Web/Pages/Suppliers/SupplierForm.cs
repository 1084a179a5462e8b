using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Producers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AidMarket.Web.Pages.Suppliers;

/// <summary>A supplier's details and benefit plan as typed into the registration form (also used to resubmit).</summary>
public class SupplierForm
{
    [Display(Name = "Kind of supplier")] public SupplierKind Kind { get; set; } = SupplierKind.Cooperative;
    [Required(ErrorMessage = "Please enter {0}."), StringLength(200, ErrorMessage = "{0} is too long."), Display(Name = "Legal name")]
    public string LegalName { get; set; } = "";
    [Required(ErrorMessage = "Please enter {0}."), Display(Name = "Unified social credit code")]
    public string CreditCode { get; set; } = "";
    [Required(ErrorMessage = "Please choose {0}."), Display(Name = "County")] public string CountyCode { get; set; } = "";
    [Required(ErrorMessage = "Please enter {0}."), StringLength(300, ErrorMessage = "{0} is too long."), Display(Name = "Address")]
    public string Address { get; set; } = "";
    [Required(ErrorMessage = "Please enter {0}."), StringLength(50, ErrorMessage = "{0} is too long."), Display(Name = "Contact person")]
    public string ContactName { get; set; } = "";
    [Required(ErrorMessage = "Please enter {0}."), RegularExpression(@"^[0-9+\- ]{7,20}$", ErrorMessage = "{0} is not a valid phone number."), Display(Name = "Contact phone")]
    public string ContactPhone { get; set; } = "";
    [Required(ErrorMessage = "Please enter {0}."), StringLength(100, ErrorMessage = "{0} is too long."), Display(Name = "Bank")]
    public string BankName { get; set; } = "";
    [Required(ErrorMessage = "Please enter {0}."), RegularExpression(@"^[0-9 ]{8,34}$", ErrorMessage = "{0} is not a valid account number."), Display(Name = "Payout bank account")]
    public string BankAccount { get; set; } = "";
    [StringLength(2000, ErrorMessage = "{0} is too long."), Display(Name = "Description")] public string? Description { get; set; }

    [Range(0.01, 100, ErrorMessage = "{0} must be between {1} and {2}."), Display(Name = "Household share of revenue (%)")]
    public decimal SharePercent { get; set; } = 10;
    [Display(Name = "Link mechanism")] public LinkKind Mechanism { get; set; } = LinkKind.ProduceSupply;
    [Required(ErrorMessage = "Please enter {0}."), StringLength(2000, ErrorMessage = "{0} is too long."), Display(Name = "How households benefit")]
    public string PlanDescription { get; set; } = "";

    /// <summary>The details, or null with the reason added to the model state under <paramref name="prefix"/>.</summary>
    public SupplierDetails? ToDetails(ModelStateDictionary modelState, string prefix, Func<string, string> localize)
    {
        if (!UnifiedSocialCreditCode.TryParse(CreditCode, out var code))
        {
            modelState.AddModelError($"{prefix}.{nameof(CreditCode)}", localize("Error.CreditCode.Invalid"));
            return null;
        }
        return new SupplierDetails(Kind, LegalName, code, CountyCode, Address, ContactName, ContactPhone, BankName,
            BankAccount.Replace(" ", ""), Description ?? "");
    }

    public BenefitPlanTerms Plan => new(SharePercent, Mechanism, PlanDescription);

    public static SupplierForm From(Supplier s) => new()
    {
        Kind = s.Kind, LegalName = s.LegalName, CreditCode = s.CreditCode, CountyCode = s.CountyCode, Address = s.Address,
        ContactName = s.ContactName, ContactPhone = s.ContactPhone, BankName = s.BankName, BankAccount = s.BankAccount,
        Description = s.Description, SharePercent = s.Plans.LastOrDefault()?.HouseholdSharePercent ?? 10,
        Mechanism = s.Plans.LastOrDefault()?.Mechanism ?? LinkKind.ProduceSupply, PlanDescription = s.Plans.LastOrDefault()?.Description ?? "",
    };
}
