using AidMarket.Testing;
using AidMarket.Web.Ledger;
using Npgsql;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// The app process is killed (SIGKILL: no shutdown code runs) while it settles paid orders. After a restart with two instances,
/// every order is settled exactly once: nothing half-written survived the crash, nothing is settled twice, the ledger is whole.
/// </summary>
public class SettlementCrashTests
{
    private const int Orders = 3000;

    private static async Task<(long Settlements, long MarkedSettled, long SettlementEntries, long Postings)> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM settlements), (SELECT count(*) FROM supplier_orders WHERE settled_at IS NOT NULL),
                   (SELECT count(*) FROM journal_entries WHERE kind = 'Settlement'),
                   (SELECT count(*) FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.kind = 'Settlement')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    [Fact]
    public async Task Killing_the_app_while_it_settles_paid_orders_leaves_each_settled_exactly_once_after_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var root = AppProcess.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("aidmarket-crash-").FullName;
        // Small batches and a quick sweep: settlement runs as many short transactions, so the kill lands between or inside them.
        var settings = new Dictionary<string, string> { ["Settlement__SweepInterval"] = "00:00:00.200", ["Settlement__BatchSize"] = "20" };

        var first = await AppProcess.StartAsync(root, database.ConnectionString, work, "first", settings);
        var seeded = await DueOrderSeed.SeedAsync(database.ConnectionString, Orders, householdsPerLot: 5, households: 300);
        seeded.Orders.ShouldBe(Orders);
        // Paid and due: the running app starts settling them at its next sweep. Kill it part way.
        await Eventually.ReturnsAsync(() => CountAsync(database.ConnectionString), c => c.Settlements > 0, TimeSpan.FromSeconds(60));
        await first.KillAsync();
        await first.DisposeAsync();

        var atCrash = await CountAsync(database.ConnectionString);
        atCrash.Settlements.ShouldBeLessThan(Orders, "the kill should land while orders are still due");
        // Whatever committed is whole: each settled order has its record and its entry, no entry without its postings.
        atCrash.MarkedSettled.ShouldBe(atCrash.Settlements);
        atCrash.SettlementEntries.ShouldBe(atCrash.Settlements);
        (await new LedgerIntegrity(database.ConnectionString).VerifyAsync()).Passed.ShouldBeTrue();

        // Restart as two instances at once; both sweep the same due orders.
        await using var second = await AppProcess.StartAsync(root, database.ConnectionString, work, "second", settings);
        await using var third = await AppProcess.StartAsync(root, database.ConnectionString, work, "third", settings);
        var after = await Eventually.ReturnsAsync(() => CountAsync(database.ConnectionString), c => c.Settlements == Orders, TimeSpan.FromSeconds(120));
        await Task.Delay(1000); // another sweep of each instance: nothing more to settle

        var final = await CountAsync(database.ConnectionString);
        final.ShouldBe(after);
        final.Settlements.ShouldBe(Orders);
        final.MarkedSettled.ShouldBe(Orders);
        final.SettlementEntries.ShouldBe(Orders);
        var report = await new LedgerIntegrity(database.ConnectionString).VerifyAsync();
        report.Passed.ShouldBeTrue(string.Join("; ", report.Checks.SelectMany(c => c.Examples)));
        // Every order's household share reached its lot's households: 30% of each order, to the fen.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var shares = new NpgsqlCommand("""
            SELECT (SELECT -sum(amount_fen) FROM postings WHERE account LIKE 'household:%'),
                   (SELECT sum(round(total_fen * 0.30)) FROM supplier_orders WHERE order_number LIKE 'B-%')::bigint
            """, connection);
        await using var reader = await shares.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).ShouldBe(reader.GetInt64(1));
    }
}
