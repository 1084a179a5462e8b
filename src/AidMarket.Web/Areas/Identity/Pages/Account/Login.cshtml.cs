using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Areas.Identity.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool LockedOut { get; private set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Please enter {0}."), EmailAddress(ErrorMessage = "{0} is not a valid email address."), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please enter {0}."), DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Remember me")]
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            LockedOut = true;
            ModelState.AddModelError(string.Empty, l["This account is locked after too many failed attempts. Try again in 15 minutes."]);
            return Page();
        }
        ModelState.AddModelError(string.Empty, l["The email or password is incorrect."]);
        return Page();
    }

    internal static string SafeReturnUrl(string? url) => AidMarket.Web.Input.LocalUrl.Safe(url);
}
