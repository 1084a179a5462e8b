using System.Collections.Concurrent;
using AidMarket.Domain.Regions;
using Microsoft.Extensions.Caching.Memory;

namespace AidMarket.Web.Catalog;

/// <summary>Which products a storefront query matches, in order (the first pages' ids), and how many there are.</summary>
public sealed record StorefrontHead(int Total, IReadOnlyList<Guid> Ids);

/// <summary>The storefront's filter menus: counties and the categories of products on sale.</summary>
public sealed record StorefrontFacets(IReadOnlyList<County> Counties, IReadOnlyList<string> Categories);

/// <summary>
/// Shares the expensive part of a storefront page between visitors: which products match a query, in which order, how many,
/// and the filter menus. Entries are keyed by the catalog version, a row that triggers renew in the same transaction as any
/// change to products or suppliers that could change a listing (decision note 010), so every instance sees a change on its
/// next request. The version is read before the query, so a cached answer is never older than its key. The products shown
/// are still read fresh on every request (price, stock, still on sale). Concurrent misses on one key run the query once.
/// </summary>
public sealed class StorefrontCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<object, Lazy<Task<object>>> _running = new();

    /// <summary>The catalog version, or <see cref="Guid.Empty"/> when its row is gone (a wiped database): then nothing is cached.</summary>
    public static async Task<Guid> VersionAsync(AidMarketDbContext db, CancellationToken ct) =>
        await db.ScalarAsync("SELECT value FROM storefront_version WHERE id = 1", ct) is Guid version ? version : Guid.Empty;

    public Task<StorefrontHead> HeadAsync(Guid version, StorefrontFilter filter, IReadOnlyList<string> paired, DateOnly today,
        Func<Task<StorefrontHead>> load) =>
        GetAsync(version, ("head", version, today, filter with { Page = 1 }, string.Join(',', paired)), load);

    public Task<StorefrontFacets> FacetsAsync(Guid version, DateOnly today, Func<Task<StorefrontFacets>> load) =>
        GetAsync(version, ("facets", version, today), load);

    private async Task<T> GetAsync<T>(Guid version, object key, Func<Task<T>> load) where T : class
    {
        if (version == Guid.Empty) return await load();
        if (cache.TryGetValue(key, out T? hit)) return hit!;
        // One query per key however many visitors miss at once; the others wait for its answer.
        var running = _running.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => (await load())!));
        try
        {
            var value = (T)await running.Value;
            cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
            return value;
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<object, Lazy<Task<object>>>(key, running));
        }
    }
}
