using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Areas.Identity.Pages.Account;

public class LoginWith2faModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Please enter {0}."), StringLength(7, MinimumLength = 6, ErrorMessage = "{0} has 6 digits."), Display(Name = "Authenticator code")]
        public string Code { get; set; } = "";

        [Display(Name = "Remember this device")]
        public bool RememberDevice { get; set; }

        [Display(Name = "Recovery code")]
        public string? RecoveryCode { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login");
        var code = Input.Code.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberDevice);
        return Outcome(result);
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login");
        ModelState.Clear();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync((Input.RecoveryCode ?? "").Replace(" ", ""));
        return Outcome(result);
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (result.Succeeded) return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? l["This account is locked after too many failed attempts. Try again in 15 minutes."]
            : l["The code is not valid."]);
        return Page();
    }
}
