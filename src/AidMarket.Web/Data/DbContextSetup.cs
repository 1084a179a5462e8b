using AidMarket.Web.Messaging;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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

public static class DbScalars
{
    /// <summary>
    /// Runs a parameterless scalar query on the context's connection (and transaction, if one is open). Plain ADO.NET on
    /// purpose: EF's SqlQuery builds a new shaper on every call, which shows on pages that run it per request.
    /// </summary>
    public static Task<object?> ScalarAsync(this AidMarketDbContext db, string sql, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection, transaction);
            return await command.ExecuteScalarAsync(ct);
        }, ct);

    /// <summary>Runs plain Npgsql work on the context's connection, inside its current transaction if one is open.</summary>
    public static async Task<T> OnConnectionAsync<T>(this AidMarketDbContext db,
        Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction?, Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await work((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(),
                (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
