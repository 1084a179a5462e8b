using AidMarket.Web.Data.Seed;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Data;

public static class DatabaseInitializer
{
    /// <summary>
    /// Applies pending migrations (EF takes a database lock, so instances may start together) and seeds the demo data once (or looks for demo logins left by an earlier run).
    /// Throws <see cref="Migrations.DatabaseTooOldException"/> for a database it cannot bring up to date.
    /// </summary>
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        if (await Migrations.EarlierMigrations.AdoptAsync(db, ct))
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AidMarket.Startup")
                .LogInformation("This database was made by the nine migrations that Initial replaced; its history now names Initial (same schema)");
        await db.Database.MigrateAsync(ct);
        if (scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value.Demo)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        else
            await scope.ServiceProvider.GetRequiredService<DemoMode>().DetectAsync(db, ct);
    }
}
