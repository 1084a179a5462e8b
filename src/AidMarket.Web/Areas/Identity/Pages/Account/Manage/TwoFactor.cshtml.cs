using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Optional TOTP two-factor sign-in: set up with an authenticator app, verified by one code, undone here.</summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    /// <summary>The key as a QR code (SVG markup) for the authenticator app to scan.</summary>
    public string QrCodeSvg { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    [BindProperty, Required(ErrorMessage = "Please enter {0}."), StringLength(7, MinimumLength = 6, ErrorMessage = "{0} has 6 digits."), Display(Name = "Authenticator code")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) { await LoadAsync(user); return Page(); }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Code.Replace(" ", ""));
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), l["The code is not valid."]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = l["Two-factor authentication is off."];
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        AuthenticatorUri = $"otpauth://totp/{UrlEncoder.Default.Encode("AidMarket")}:{UrlEncoder.Default.Encode(user.Email!)}?secret={key}&issuer=AidMarket&digits=6";
        using var qr = QRCoder.QRCodeGenerator.GenerateQrCode(AuthenticatorUri, QRCoder.QRCodeGenerator.ECCLevel.M);
        QrCodeSvg = new QRCoder.SvgQRCode(qr).GetGraphic(4);
    }
}
