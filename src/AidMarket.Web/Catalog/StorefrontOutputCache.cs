using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace AidMarket.Web.Catalog;

/// <summary>
/// Shares whole storefront pages between anonymous visitors (decision note 011). A cached page is keyed by its path and query,
/// the language, the day (certificates expire at midnight) and the catalog version, which triggers renew in the same transaction
/// as any change to what is listed; so a revoked product or a suspended supplier disappears on the next request on every
/// instance. Stock and price shown can be up to <see cref="Lifetime"/> old: placement checks stock for real. Signed-in users,
/// other methods, errors and responses that set a cookie are never cached.
/// </summary>
public sealed class StorefrontOutputCache : IOutputCachePolicy
{
    public const string PolicyName = "Storefront";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public static void Add(OutputCacheOptions options) => options.AddPolicy(PolicyName, new StorefrontOutputCache());

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return;
        if (http.User.Identity?.IsAuthenticated == true || http.Request.Headers.Authorization.Count > 0) return;

        var db = http.RequestServices.GetRequiredService<AidMarketDbContext>();
        var version = await StorefrontCache.VersionAsync(db, ct);
        if (version == Guid.Empty) return;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["day"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        context.CacheVaryByRules.VaryByValues["catalog"] = version.ToString("N");
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
