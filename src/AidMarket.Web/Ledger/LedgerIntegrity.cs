using System.Diagnostics;
using Npgsql;

namespace AidMarket.Web.Ledger;

/// <summary>
/// 账务核验: verifies the whole ledger against the rules of DOMAIN.md in one consistent snapshot (REPEATABLE READ, read only).
/// Every rule is one aggregate query run by PostgreSQL, so the check streams over the ledger instead of loading it: memory stays
/// flat however many postings there are. Run by `AidMarket.Web ledger verify` (exit code 1 on any violation) and the admin page.
/// </summary>
public sealed class LedgerIntegrity(string connectionString)
{
    public const int ExamplesPerCheck = 10;

    public async Task<IntegrityReport> VerifyAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // One snapshot for all rules: a settlement committed between two queries cannot look like a violation. The transaction
        // writes only its own temporary tables, dropped at commit.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var totals = new NpgsqlCommand("SET LOCAL work_mem = '64MB';" + IntegrityRules.Totals, connection, tx) { CommandTimeout = 0 })
            await totals.ExecuteNonQueryAsync(ct);

        var checks = new List<IntegrityCheck>();
        foreach (var rule in IntegrityRules.All)
        {
            var started = clock.Elapsed;
            var counts = await CountsAsync(rule, connection, tx, ct);
            var (violations, examples) = await ViolationsAsync(rule, connection, tx, ct);
            checks.Add(new IntegrityCheck(rule.Code, rule.Title, rule.CheckedFormat, counts, violations, examples, clock.Elapsed - started));
        }
        var balances = await BalancesAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        return new IntegrityReport(DateTimeOffset.UtcNow, clock.Elapsed, checks, balances);
    }

    private static async Task<List<long>> CountsAsync(IntegrityRule rule, NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var counts = new List<long>();
        await using var command = new NpgsqlCommand(rule.CheckedSql, connection, tx) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        for (var i = 0; i < reader.FieldCount; i++) counts.Add(reader.GetInt64(i));
        return counts;
    }

    private static async Task<(long Violations, List<string> Examples)> ViolationsAsync(IntegrityRule rule, NpgsqlConnection connection,
        NpgsqlTransaction tx, CancellationToken ct)
    {
        var examples = new List<string>();
        long violations = 0;
        await using var command = new NpgsqlCommand(
            $"SELECT v.text, count(*) OVER () FROM ({rule.ViolationsSql}) AS v(text) LIMIT {ExamplesPerCheck}", connection, tx) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            examples.Add(reader.GetString(0));
            violations = reader.GetInt64(1);
        }
        return (violations, examples);
    }

    private static async Task<List<AccountKindBalance>> BalancesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var balances = new List<AccountKindBalance>();
        await using var command = new NpgsqlCommand(
            "SELECT split_part(account, ':', 1), count(*), sum(balance)::bigint FROM account_totals GROUP BY 1 ORDER BY 1", connection, tx);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            balances.Add(new AccountKindBalance(reader.GetString(0), reader.GetInt64(1), new Money(reader.GetInt64(2))));
        return balances;
    }
}
