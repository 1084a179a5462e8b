using AidMarket.Web.Messaging;
using Microsoft.EntityFrameworkCore.Design;

namespace AidMarket.Web.Data;

public static class DbContextSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static IServiceCollection AddAidMarketData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddDbContext<AidMarketDbContext>((sp, options) =>
        {
            Configure(options, connectionString);
            options.AddInterceptors(new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>()));
        });
        return services;
    }
}

public static class DbErrors
{
    /// <summary>A unique index refused the row: another request did the same thing first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}

/// <summary>Lets `dotnet ef` build the model without starting the app or its local database.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AidMarketDbContext>
{
    public AidMarketDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AidMarketDbContext>();
        DbContextSetup.Configure(options, "Host=localhost;Database=aidmarket_design");
        return new AidMarketDbContext(options.Options);
    }
}
