using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Areas.Identity.Pages.Account.Manage;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public class InputModel
    {
        [Required(ErrorMessage = "Please enter {0}."), DataType(DataType.Password), Display(Name = "Current password")]
        public string OldPassword { get; set; } = "";

        [Required(ErrorMessage = "Please enter {0}."), StringLength(100, MinimumLength = 8, ErrorMessage = "{0} must be at least {2} characters long."),
         DataType(DataType.Password), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Confirm new password"), Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        StatusMessage = l["Your password has been changed."];
        return RedirectToPage();
    }
}
