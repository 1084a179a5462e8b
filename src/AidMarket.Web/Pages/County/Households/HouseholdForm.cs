using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Producers;
using AidMarket.Web.Security;

namespace AidMarket.Web.Pages.CountyDesk.Households;

/// <summary>A household as typed by an officer (form or import row). Blank ID or account on an edit keeps the stored one.</summary>
public class HouseholdForm
{
    /// <summary>A double: [Range] with int bounds converts the decimal to int and throws on a huge value instead of refusing it.</summary>
    public const double MaxIncome = 10_000_000;

    [Required(ErrorMessage = "Please enter {0}."), StringLength(50, ErrorMessage = "{0} is too long."), Display(Name = "Head of household")]
    public string HeadName { get; set; } = "";
    [Display(Name = "ID number")] public string? IdNumber { get; set; }
    [Required(ErrorMessage = "Please enter {0}."), StringLength(100, ErrorMessage = "{0} is too long."), Display(Name = "Village")]
    public string Village { get; set; } = "";
    [Range(1, 30, ErrorMessage = "{0} must be between {1} and {2}."), Display(Name = "Household size")] public int Size { get; set; } = 1;
    [Display(Name = "Household status")] public HouseholdStatus Status { get; set; } = HouseholdStatus.Registered;
    [Range(0d, MaxIncome, ErrorMessage = "{0} must be between {1} and {2}."), Display(Name = "Declared annual income (yuan)")]
    public decimal BaselineIncome { get; set; }
    [RegularExpression(@"^[0-9 ]{8,34}$", ErrorMessage = "{0} is not a valid account number."), Display(Name = "Payout account (惠农一卡通)")]
    public string? PayoutAccount { get; set; }

    /// <summary>The sealed details; with <paramref name="existing"/>, blank sensitive fields keep its values. Errors are (field, resource key).</summary>
    public (HouseholdDetails? Details, List<(string Field, string ErrorKey)> Errors) ToDetails(SensitiveData sensitive, Household? existing)
    {
        var errors = new List<(string, string)>();
        SealedValue? id = null;
        if (string.IsNullOrWhiteSpace(IdNumber))
        {
            if (existing is null) errors.Add((nameof(IdNumber), "Error.IdNumber.Required"));
            else id = new SealedValue(existing.IdNumberCipher, existing.IdNumberLookup, existing.IdNumberMasked);
        }
        else if (ChineseIdNumber.TryParse(IdNumber, out var parsed)) id = sensitive.Seal(parsed);
        else errors.Add((nameof(IdNumber), "Error.IdNumber.Invalid"));

        SealedValue? account = string.IsNullOrWhiteSpace(PayoutAccount)
            ? existing?.PayoutAccountCipher is { } cipher ? new SealedValue(cipher, null, existing.PayoutAccountMasked!) : null
            : sensitive.SealAccount(PayoutAccount.Replace(" ", ""));
        if (errors.Count > 0 || BaselineIncome is < 0 or > (decimal)MaxIncome) return (null, errors); // [Range] says why
        return (new HouseholdDetails(HeadName, id!, Village, Size, Status, Money.FromYuan(BaselineIncome), account), errors);
    }
}
