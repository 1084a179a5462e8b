using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AidMarket.Domain.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Api;

/// <summary>Authenticates `Authorization: Bearer am_…` (or `X-Api-Key`) as the buyer organization that owns the key.</summary>
public class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AidMarketDbContext db, ApiKeyCache cache, IStringLocalizer<SharedResource> l) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>What an order or a notification records as the submitter of an API request: a key, not a person.</summary>
    public const string SubjectPrefix = "api-key:";

    /// <summary>The live key with this hash of a buyer organization. Compiled once.</summary>
    private static readonly Func<AidMarketDbContext, string, Task<ApiKeyCache.Live?>> FindKeyAsync = EF.CompileAsyncQuery((AidMarketDbContext db, string hash) =>
        (from k in db.ApiKeys
         join o in db.Organizations on k.OrganizationId equals o.Id
         where k.Hash == hash && k.RevokedAt == null && o.Kind == OrganizationKind.Buyer
         select new ApiKeyCache.Live(k.Id, k.OrganizationId, k.Name)).SingleOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : Request.Headers["X-Api-Key"].ToString().Trim();
        if (secret.Length == 0) return AuthenticateResult.NoResult();
        var hash = ApiKey.HashOf(secret);
        var key = await cache.FindAsync(hash, () => FindKeyAsync(db, hash));
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, SubjectPrefix + key.Id), new Claim(AppClaims.DisplayName, "API: " + key.Name),
            new Claim(AppClaims.OrganizationId, key.OrganizationId.ToString()), new Claim(AppClaims.OrganizationKind, nameof(OrganizationKind.Buyer)),
            new Claim(AppClaims.Role, nameof(OrganizationRole.Purchaser)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A missing, unknown or revoked key, on any method: 401 problem+json, answered here so no HTML status page follows.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, l["API key required"],
            l["Send a live API key of your buyer organization as Authorization: Bearer am_…"]);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, l["Forbidden"], l["This API key may not do this."]);
}

/// <summary>
/// Live API keys by hash, remembered for <see cref="Lifetime"/>: an ERP authenticates every request with the same key, and
/// looking it up each time was a tenth of an API order's CPU (decision note 018). Unknown keys are not remembered, so a new
/// key works at once. A key revoked on this instance is forgotten at once; another instance may accept it until its entry
/// expires.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public sealed record Live(Guid Id, Guid OrganizationId, string Name);

    private readonly ConcurrentDictionary<string, (Live Key, DateTimeOffset Until)> _keys = new();

    /// <summary>Counts revocations here: a lookup that ran while a key was revoked must not put what it read back.</summary>
    private long _revocations;

    public async Task<Live?> FindAsync(string hash, Func<Task<Live?>> load)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue(hash, out var entry) && entry.Until > now) return entry.Key;
        var revocations = Interlocked.Read(ref _revocations);
        var key = await load();
        if (key is null) _keys.TryRemove(hash, out _);
        else if (Interlocked.Read(ref _revocations) == revocations) _keys[hash] = (key, now + Lifetime);
        return key;
    }

    /// <summary>Called when a key is revoked here: the next request with it is looked up again.</summary>
    public void Forget(string hash)
    {
        Interlocked.Increment(ref _revocations);
        _keys.TryRemove(hash, out _);
    }
}
