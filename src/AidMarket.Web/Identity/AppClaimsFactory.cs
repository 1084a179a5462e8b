using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Identity;

public class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AidMarketDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        if (user.OrganizationId is { } orgId && user.Role is { } role)
        {
            var org = await db.Organizations.Where(o => o.Id == orgId).Select(o => new { o.Kind, o.CountyCode }).SingleAsync();
            identity.AddClaim(new Claim(AppClaims.OrganizationId, orgId.ToString()));
            identity.AddClaim(new Claim(AppClaims.OrganizationKind, org.Kind.ToString()));
            if (org.CountyCode is not null) identity.AddClaim(new Claim(AppClaims.CountyCode, org.CountyCode));
            identity.AddClaim(new Claim(AppClaims.Role, role.ToString()));
        }
        return identity;
    }
}
