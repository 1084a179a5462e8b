using Microsoft.Extensions.Options;

namespace AidMarket.Web.Data.Seed;

/// <summary>Whether logins with the published demo password may exist here: then every page and the startup banner say so.</summary>
public sealed class DemoMode(IOptions<SeedOptions> seed)
{
    private volatile bool _accountsFound;

    public bool Active => seed.Value.Demo || _accountsFound;

    /// <summary>Demo accounts seeded by an earlier run stay dangerous after Seed:Demo is turned off.</summary>
    public async Task DetectAsync(AidMarketDbContext db, CancellationToken ct)
    {
        var emails = DemoSeeder.DemoUsers.Select(u => u.Email.ToUpperInvariant()).ToList();
        _accountsFound = await db.Users.AnyAsync(u => emails.Contains(u.NormalizedEmail!), ct);
    }
}
