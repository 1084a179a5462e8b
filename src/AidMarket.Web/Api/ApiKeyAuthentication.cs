using System.Security.Claims;
using System.Text.Encodings.Web;
using AidMarket.Domain.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Api;

/// <summary>Authenticates `Authorization: Bearer am_…` (or `X-Api-Key`) as the buyer organization that owns the key.</summary>
public class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AidMarketDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The live key with this hash of a buyer organization. Compiled once: every API request runs it.</summary>
    private static readonly Func<AidMarketDbContext, string, Task<ApiKey?>> FindKeyAsync = EF.CompileAsyncQuery((AidMarketDbContext db, string hash) =>
        (from k in db.ApiKeys.AsNoTracking()
         join o in db.Organizations on k.OrganizationId equals o.Id
         where k.Hash == hash && k.RevokedAt == null && o.Kind == OrganizationKind.Buyer
         select k).SingleOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : Request.Headers["X-Api-Key"].ToString().Trim();
        if (secret.Length == 0) return AuthenticateResult.NoResult();
        var hash = ApiKey.HashOf(secret);
        var key = await FindKeyAsync(db, hash);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "api-key:" + key.Id), new Claim(AppClaims.DisplayName, "API: " + key.Name),
            new Claim(AppClaims.OrganizationId, key.OrganizationId.ToString()), new Claim(AppClaims.OrganizationKind, nameof(OrganizationKind.Buyer)),
            new Claim(AppClaims.Role, nameof(OrganizationRole.Purchaser)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
