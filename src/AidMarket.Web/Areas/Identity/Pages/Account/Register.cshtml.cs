using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Areas.Identity.Pages.Account;

/// <summary>A personal account without an organization: it can then register a supplier or accept an invitation.</summary>
public class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), DisplayName = Input.DisplayName.Trim() };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }
}

public class PasswordInput
{
    [Required(ErrorMessage = "Please enter {0}."), StringLength(100, ErrorMessage = "{0} is too long."), Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Please enter {0}."), EmailAddress(ErrorMessage = "{0} is not a valid email address."), Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Please enter {0}."), StringLength(100, MinimumLength = 8, ErrorMessage = "{0} must be at least {2} characters long."),
     DataType(DataType.Password), Display(Name = "Password")]
    public string Password { get; set; } = "";

    [DataType(DataType.Password), Display(Name = "Confirm password"), Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";
}
