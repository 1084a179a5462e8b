using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using AidMarket.Domain.Producers;
using AidMarket.Web.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Statements;

public class StatementOptions
{
    /// <summary>Lookups allowed per window, per IP address and per card code.</summary>
    public int AttemptsPerWindow { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Opens a household's statement with its card code and the last four characters of the head's ID number (decision note 014):
/// the household is found by its unique card code, then only its own sealed ID number is opened and compared in constant time.
/// Attempts are limited per IP address (the rate-limiting middleware) and per card code (here), and every attempt is recorded.
/// </summary>
public sealed class StatementAccess(SensitiveData sensitive, StatementCardLimiter limiter)
{
    public const string RateLimitPolicy = "statement";

    public static string NormalizeCard(string? card) => (card ?? "").Trim().ToUpperInvariant();

    /// <summary>The household, or null for a wrong card code or second factor (indistinguishable to the caller).</summary>
    public async Task<(Household? Household, LookupOutcome Outcome)> OpenAsync(AidMarketDbContext db, string card, string? lastFour, string ip, CancellationToken ct)
    {
        var household = card.Length is > 0 and <= StatementLookup.CardCodeMaxLength
            ? await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.CardCode == card, ct)
            : null;
        if (!limiter.TryAcquire(card))
        {
            await RecordAsync(db, card, household, LookupOutcome.RateLimited, ip, ct); // the county sees someone hammering its card
            return (null, LookupOutcome.RateLimited);
        }
        var expected = household is null ? "\0\0\0\0" : sensitive.Unseal(household.IdNumberCipher)[^4..];
        var entered = (lastFour ?? "").Trim().ToUpperInvariant().PadRight(4, '\0');
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(entered)) && household is not null;
        var outcome = matches ? LookupOutcome.Found : LookupOutcome.NoMatch;
        await RecordAsync(db, card, household, outcome, ip, ct);
        return (matches ? household : null, outcome);
    }

    private static async Task RecordAsync(AidMarketDbContext db, string card, Household? household, LookupOutcome outcome, string ip, CancellationToken ct)
    {
        db.StatementLookups.Add(new StatementLookup(card, household?.Id, household?.CountyCode, outcome, ip, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The per-IP limit: lookups (POST) only; the empty form and the rest of the site are not limited.</summary>
    public static void AddRateLimit(RateLimiterOptions options, StatementOptions settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(RateLimitPolicy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(settings))
            : RateLimitPartition.GetNoLimiter("read"));
    }

    internal static FixedWindowRateLimiterOptions Window(StatementOptions settings) =>
        new() { PermitLimit = settings.AttemptsPerWindow, Window = settings.Window, QueueLimit = 0, AutoReplenishment = true };
}

/// <summary>The per-card-code limit, in memory per instance like the per-IP one.</summary>
public sealed class StatementCardLimiter(IOptions<StatementOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(card =>
        RateLimitPartition.GetFixedWindowLimiter(card, _ => StatementAccess.Window(options.Value)));

    public bool TryAcquire(string card)
    {
        using var lease = _limiter.AttemptAcquire(card);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
