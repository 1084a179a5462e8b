using AidMarket.Web.Messaging;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AidMarket.Web.Data;

public static class DbContextSetup
{
    public static void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new MoneyQueries());
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs often (unless the connection string says otherwise): PostgreSQL
    /// then plans them once instead of on every request, which on the storefront's joins costs more than running them.
    /// A pooled connection is not reset when it is returned (seven statements on its next use): the app keeps no session
    /// state, its locks are transaction locks and its temporary tables drop on commit.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 200;
        builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    public static IServiceCollection AddAidMarketData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<OutboxSignal>();
        // Pooled: options are built once and contexts are reused, which a busy API notices (note 017).
        services.AddDbContextPool<AidMarketDbContext>((sp, options) =>
        {
            Configure(options, connectionString);
            options.AddInterceptors(new OutboxSignalInterceptor(sp.GetRequiredService<OutboxSignal>()));
        });
        return services;
    }
}
