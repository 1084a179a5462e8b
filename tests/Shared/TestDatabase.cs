using Npgsql;

namespace AidMarket.Testing;

/// <summary>A PostgreSQL database made for one test class and dropped after it, on the server tests/run.sh started.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("AIDMARKET_TEST_PG") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "AIDMARKET_TEST_PG is not set. Run the tests with tests/run.sh, which starts a throwaway PostgreSQL and sets it.");

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "aidmarket_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        return new TestDatabase(name, cs);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
