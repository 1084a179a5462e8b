using AidMarket.Web.Api;

namespace AidMarket.Web.Tests.Api;

public class ApiKeyCacheTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_live_key_is_looked_up_again_after_its_lifetime_or_once_forgotten_and_an_unknown_key_every_time()
    {
        var clock = new Clock();
        var cache = new ApiKeyCache(clock);
        var lookups = 0;
        ApiKeyCache.Live? inDatabase = new(Guid.NewGuid(), Guid.NewGuid(), "ERP");
        Task<ApiKeyCache.Live?> Load() { lookups++; return Task.FromResult(inDatabase); }

        (await cache.FindAsync("h", Load)).ShouldBe(inDatabase);
        (await cache.FindAsync("h", Load)).ShouldBe(inDatabase);
        lookups.ShouldBe(1);

        var revoked = inDatabase;
        inDatabase = null; // revoked on another instance
        clock.Now += ApiKeyCache.Lifetime - TimeSpan.FromSeconds(1);
        (await cache.FindAsync("h", Load)).ShouldBe(revoked);
        clock.Now += TimeSpan.FromSeconds(1);
        (await cache.FindAsync("h", Load)).ShouldBeNull();
        (await cache.FindAsync("h", Load)).ShouldBeNull();
        lookups.ShouldBe(3);

        inDatabase = new(Guid.NewGuid(), Guid.NewGuid(), "ERP 2"); // a new key works at once
        (await cache.FindAsync("h", Load)).ShouldBe(inDatabase);
        cache.Forget("h"); // revoked here
        inDatabase = null;
        (await cache.FindAsync("h", Load)).ShouldBeNull();
        lookups.ShouldBe(5);
    }

    [Fact]
    public async Task A_key_revoked_here_while_it_was_being_looked_up_is_not_remembered()
    {
        var cache = new ApiKeyCache(new Clock());
        var lookups = 0;
        var key = new ApiKeyCache.Live(Guid.NewGuid(), Guid.NewGuid(), "ERP");
        // The lookup read the key while it was live; the revocation committed and was forgotten before the lookup finished.
        (await cache.FindAsync("h", () => { lookups++; cache.Forget("h"); return Task.FromResult<ApiKeyCache.Live?>(key); })).ShouldBe(key);
        (await cache.FindAsync("h", () => { lookups++; return Task.FromResult<ApiKeyCache.Live?>(null); })).ShouldBeNull();
        lookups.ShouldBe(2);
    }
}
