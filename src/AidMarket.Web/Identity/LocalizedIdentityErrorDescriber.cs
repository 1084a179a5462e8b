using Microsoft.AspNetCore.Identity;

namespace AidMarket.Web.Identity;

/// <summary>Identity's validation messages in the user's language.</summary>
public class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string text, params object[] args) => new() { Code = code, Description = l[text, args] };

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "The email {0} is already registered.", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "The email {0} is already registered.", userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "The email {0} is not valid.", email ?? "");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "The password must be at least {0} characters long.", length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "The password must contain a digit (0-9).");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "The password must contain a lowercase letter (a-z).");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "The password must contain an uppercase letter (A-Z).");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "The password must contain a symbol such as @ or #.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "The current password is not correct.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "The code is not valid.");
}
