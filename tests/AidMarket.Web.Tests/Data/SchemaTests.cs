using System.Diagnostics;
using AidMarket.Testing;
using AidMarket.Web.Data;
using AidMarket.Web.Data.Migrations;
using Npgsql;

namespace AidMarket.Web.Tests.Data;

/// <summary>
/// Data/schema.sql is pg_dump's schema of a database made by the nine migrations that Initial replaced (decision note 022).
/// A new migration changes it on purpose: regenerate it with pg_dump --schema-only --no-owner.
/// </summary>
public class SchemaTests
{
    [Fact]
    public async Task The_initial_migration_makes_the_schema_the_nine_earlier_migrations_made()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = Context(database)) await db.Database.MigrateAsync();
        (await DumpAsync(database)).ShouldBe(Expected());
    }

    [Fact]
    public async Task A_database_made_by_the_nine_earlier_migrations_is_adopted_and_keeps_its_schema()
    {
        await using var database = await EarlierDatabaseAsync(EarlierMigrations.Replaced);
        await using (var db = Context(database))
        {
            (await EarlierMigrations.AdoptAsync(db, default)).ShouldBeTrue();
            (await EarlierMigrations.AdoptAsync(db, default)).ShouldBeFalse();
            await db.Database.MigrateAsync();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe([EarlierMigrations.Initial]);
        }
        (await DumpAsync(database)).ShouldBe(Expected());
    }

    [Fact]
    public async Task A_database_made_by_only_some_earlier_migrations_is_refused_with_what_to_do()
    {
        await using var database = await EarlierDatabaseAsync(EarlierMigrations.Replaced.Take(5));
        await using var db = Context(database);
        var refused = await Should.ThrowAsync<DatabaseTooOldException>(() => EarlierMigrations.AdoptAsync(db, default));
        refused.Message.ShouldContain("20261123024946_StripePayments");
        refused.Message.ShouldContain("delete the local data folder");
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(5);
    }

    [Fact]
    public async Task The_app_on_such_a_database_says_in_one_line_what_to_do_and_stops_without_a_stack_trace()
    {
        await using var database = await EarlierDatabaseAsync(EarlierMigrations.Replaced.Take(3));
        var work = Directory.CreateTempSubdirectory("aidmarket-schema-").FullName;
        var run = await AppProcess.RunCommandAsync(AppProcess.RepositoryRoot(), database.ConnectionString, work, []);
        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.Split('\n').Count(l => l.Contains("delete the local data folder")).ShouldBe(1, run.Output);
        run.Output.ShouldNotContain("   at ", Case.Sensitive, run.Output);
    }

    private static AidMarketDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AidMarketDbContext>();
        DbContextSetup.Configure(options, database.ConnectionString);
        return new AidMarketDbContext(options.Options);
    }

    private static string Expected() => Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "schema.sql")));

    /// <summary>A database as the earlier migrations left it: their schema, with these of them in its history.</summary>
    private static async Task<TestDatabase> EarlierDatabaseAsync(IEnumerable<string> applied)
    {
        var database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var schema = new NpgsqlCommand(Expected(), connection)) await schema.ExecuteNonQueryAsync();
        await using var history = new NpgsqlCommand(
            "INSERT INTO public.__ef_migrations_history (migration_id, product_version) SELECT unnest($1), '10.0.15'", connection)
            { Parameters = { new() { Value = applied.ToArray() } } };
        await history.ExecuteNonQueryAsync();
        return database;
    }

    private static async Task<string> DumpAsync(TestDatabase database)
    {
        var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(PgDump(), ["--schema-only", "--no-owner", "-h", cs.Host!, "-p", cs.Port.ToString(), "-U", cs.Username!, database.Name])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGPASSWORD"] = cs.Password ?? "";
        using var dump = Process.Start(start)!;
        var output = await dump.StandardOutput.ReadToEndAsync();
        await dump.WaitForExitAsync();
        dump.ExitCode.ShouldBe(0, await dump.StandardError.ReadToEndAsync());
        return Normalize(output);
    }

    /// <summary>pg_dump of the newest PostgreSQL installed, as tests/run.sh picks its server.</summary>
    private static string PgDump() =>
        Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists)
            .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
            .FirstOrDefault() ?? "pg_dump";

    /// <summary>Without what changes between runs and machines: the random key of pg_dump's \restrict lines, the versions.</summary>
    private static string Normalize(string dump) =>
        string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith("\\restrict") && !l.StartsWith("\\unrestrict") && !l.StartsWith("-- Dumped")));
}
