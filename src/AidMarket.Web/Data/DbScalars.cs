using Microsoft.EntityFrameworkCore.Storage;

namespace AidMarket.Web.Data;

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
