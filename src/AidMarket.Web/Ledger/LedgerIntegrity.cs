using System.Diagnostics;
using Npgsql;

namespace AidMarket.Web.Ledger;

/// <summary>
/// One rule of the ledger, what was looked at and what broke it (at most <see cref="LedgerIntegrity.ExamplesPerCheck"/> examples).
/// What was looked at is counts for <see cref="CheckedFormat"/>, a resource key, so the admin page shows it in the reader's language.
/// </summary>
public sealed record IntegrityCheck(string Code, string Title, string CheckedFormat, IReadOnlyList<long> CheckedCounts, long Violations,
    IReadOnlyList<string> Examples, TimeSpan Elapsed)
{
    public bool Passed => Violations == 0;

    /// <summary>What was looked at, in English (the command's output).</summary>
    public string Checked => string.Format(System.Globalization.CultureInfo.InvariantCulture, CheckedFormat, CheckedArguments);

    public object[] CheckedArguments => CheckedCounts.Cast<object>().ToArray();
}

/// <summary>The balance of each kind of account, in fen (debit positive), for the report's overview.</summary>
public sealed record AccountKindBalance(string Kind, long Accounts, long BalanceFen);

public sealed record IntegrityReport(DateTimeOffset CheckedAt, TimeSpan Elapsed, IReadOnlyList<IntegrityCheck> Checks, IReadOnlyList<AccountKindBalance> Balances)
{
    public bool Passed => Checks.All(c => c.Passed);
    public long Violations => Checks.Sum(c => c.Violations);

    /// <summary>What the command prints: one line per rule, the examples of what broke it, the balances and the verdict.</summary>
    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"AidMarket ledger integrity check, {CheckedAt:yyyy-MM-dd HH:mm:ss} UTC");
        foreach (var check in Checks)
        {
            output.WriteLine($"  [{(check.Passed ? "ok" : "VIOLATED")}] {check.Title}");
            output.WriteLine($"         checked: {check.Checked} in {check.Elapsed.TotalSeconds:0.00} s" + (check.Passed ? "" : $"; {check.Violations:N0} violation(s)"));
            foreach (var example in check.Examples) output.WriteLine($"         - {example}");
        }
        output.WriteLine("  Balances by kind of account (fen, debit positive):");
        foreach (var b in Balances) output.WriteLine($"         {b.Kind,-26} {b.Accounts,9:N0} account(s) {b.BalanceFen,20:N0}");
        output.WriteLine(Passed
            ? $"Ledger OK: {Checks.Count} rules hold ({Elapsed.TotalSeconds:0.00} s)."
            : $"Ledger VIOLATED: {Violations:N0} violation(s) of {Checks.Count(c => !c.Passed)} rule(s) ({Elapsed.TotalSeconds:0.00} s).");
    }
}

/// <summary>
/// 账务核验: verifies the whole ledger against the rules of DOMAIN.md in one consistent snapshot (REPEATABLE READ, read only).
/// Every rule is one aggregate query run by PostgreSQL, so the check streams over the ledger instead of loading it: memory stays
/// flat however many postings there are. Run by `AidMarket.Web ledger verify` (exit code 1 on any violation) and the admin page.
/// </summary>
public sealed class LedgerIntegrity(string connectionString)
{
    public const int ExamplesPerCheck = 10;

    /// <summary>A rule: <paramref name="CheckedSql"/> returns one row of counts for <paramref name="CheckedFormat"/>.</summary>
    private sealed record Rule(string Code, string Title, string CheckedFormat, string CheckedSql, string ViolationsSql);

    // Two passes over the postings make per-entry and per-account totals (temporary tables of the check's own transaction);
    // every rule then reads those, the invoices and the settlements.
    private const string Totals = """
        CREATE TEMP TABLE entry_totals ON COMMIT DROP AS
        SELECT entry_id, count(*) AS n, sum(amount_fen) AS total,
               coalesce(sum(amount_fen) FILTER (WHERE account = 'cash'), 0) AS cash,
               coalesce(sum(amount_fen) FILTER (WHERE account = 'escrow'), 0) AS escrow,
               coalesce(sum(amount_fen) FILTER (WHERE account = 'platform-fee'), 0) AS fee,
               coalesce(sum(amount_fen) FILTER (WHERE account LIKE 'supplier:%'), 0) AS supplier,
               coalesce(sum(amount_fen) FILTER (WHERE account LIKE 'household:%'), 0) AS households
        FROM postings GROUP BY entry_id;
        CREATE UNIQUE INDEX ON entry_totals (entry_id);
        CREATE TEMP TABLE account_totals ON COMMIT DROP AS
        SELECT account, count(*) AS n, sum(amount_fen) AS balance FROM postings GROUP BY account;
        ANALYZE entry_totals; ANALYZE account_totals;
        """;

    // Each violation query yields one text per violation, an example worth showing to finance.
    private static readonly Rule[] Rules =
    [
        new("entries-balance", "Every journal entry balances: at least two postings that sum to zero",
            "{0:N0} entries, {1:N0} postings", "SELECT (SELECT count(*) FROM journal_entries), coalesce((SELECT sum(n) FROM account_totals), 0)::bigint",
            """
            SELECT format('%s (%s): %s postings summing to %s fen', e.source_key, e.kind, coalesce(t.n, 0), coalesce(t.total, 0))
            FROM journal_entries e LEFT JOIN entry_totals t ON t.entry_id = e.id
            WHERE coalesce(t.total, 0) <> 0 OR coalesce(t.n, 0) < 2
            """),
        new("accounts-known", "Every posting is on a known account and the books' trial balance is zero",
            "{0:N0} accounts", "SELECT count(*) FROM account_totals",
            """
            SELECT format('%s postings on unknown account %s', n, account) FROM account_totals
            WHERE account !~ '^(cash|escrow|platform-fee|disbursements-in-transit|(supplier|household):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$'
            UNION ALL
            SELECT format('all postings sum to %s fen', total) FROM (SELECT coalesce(sum(balance), 0) AS total FROM account_totals) t WHERE total <> 0
            """),
        new("invoice-balances", "Each invoice's paid amount equals its payments less its refunds, and each of them is in the ledger",
            "{0:N0} invoices", "SELECT count(*) FROM invoices",
            """
            WITH refunded AS (
                SELECT split_part(e.source_key, ':', 2)::uuid AS supplier_order_id, -sum(t.cash) AS fen
                FROM journal_entries e JOIN entry_totals t ON t.entry_id = e.id
                WHERE e.kind IN ('Refund', 'EscrowRefund')
                GROUP BY 1),
            per_invoice AS MATERIALIZED (
                SELECT i.reference, i.paid_fen, i.supplier_order_id, coalesce(p.listed, 0) AS paid_listed, coalesce(p.received, 0) AS received,
                       coalesce((SELECT sum((x->>'AmountFen')::bigint) FROM jsonb_array_elements(i.refunds) x), 0) AS refunded_listed
                FROM invoices i LEFT JOIN LATERAL (
                    SELECT sum((x->>'AmountFen')::bigint) AS listed, sum(t.cash) AS received
                    FROM jsonb_array_elements(i.payments) x
                    LEFT JOIN journal_entries e ON e.source_key = 'payment:' || CASE x->>'Method' WHEN 'Stripe' THEN 'stripe' ELSE 'bank' END || ':' || (x->>'ExternalId')
                    LEFT JOIN entry_totals t ON t.entry_id = e.id) p ON true)
            SELECT format('invoice %s: paid %s fen, payments %s less refunds %s; in the ledger received %s, refunded %s',
                          l.reference, l.paid_fen, l.paid_listed, l.refunded_listed, l.received, coalesce(f.fen, 0))
            FROM per_invoice l LEFT JOIN refunded f ON f.supplier_order_id = l.supplier_order_id
            WHERE l.paid_fen <> l.paid_listed - l.refunded_listed OR l.paid_listed <> l.received OR l.refunded_listed <> coalesce(f.fen, 0)
            """),
        new("settled-once", "Every settled supplier order has exactly one settlement, with its own journal entry",
            "{0:N0} settled orders, {1:N0} settlements",
            "SELECT (SELECT count(*) FROM supplier_orders WHERE settled_at IS NOT NULL), (SELECT count(*) FROM settlements)",
            """
            SELECT format('order %s is marked settled but has no settlement', so.order_number)
            FROM supplier_orders so WHERE so.settled_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM settlements s WHERE s.supplier_order_id = so.id)
            UNION ALL
            SELECT format('order %s has a settlement but is not marked settled', so.order_number)
            FROM settlements s JOIN supplier_orders so ON so.id = s.supplier_order_id WHERE so.settled_at IS NULL
            UNION ALL
            SELECT format('settlement of order %s points to entry %s (%s)', so.order_number, e.source_key, e.kind)
            FROM settlements s JOIN supplier_orders so ON so.id = s.supplier_order_id JOIN journal_entries e ON e.id = s.journal_entry_id
            WHERE e.kind <> 'Settlement' OR e.source_key <> 'settlement:' || s.supplier_order_id
            UNION ALL
            SELECT format('settlement entry %s has no settlement record', e.source_key)
            FROM journal_entries e WHERE e.kind = 'Settlement' AND NOT EXISTS (SELECT 1 FROM settlements s WHERE s.journal_entry_id = e.id)
            """),
        new("settlement-split", "Each settlement's postings match its split: escrow released = total, household credits = household share, fee and supplier parts",
            "{0:N0} settlements", "SELECT count(*) FROM settlements",
            """
            SELECT format('order %s: total %s, escrow released %s; household share %s, credited %s; fee %s/%s; supplier %s/%s',
                          so.order_number, s.total_fen, coalesce(t.escrow, 0), s.household_fen, -coalesce(t.households, 0), s.fee_fen, -coalesce(t.fee, 0),
                          s.supplier_fen, -coalesce(t.supplier, 0))
            FROM settlements s LEFT JOIN entry_totals t ON t.entry_id = s.journal_entry_id JOIN supplier_orders so ON so.id = s.supplier_order_id
            WHERE t.entry_id IS NULL OR t.escrow <> s.total_fen OR -t.households <> s.household_fen OR -t.fee <> s.fee_fen OR -t.supplier <> s.supplier_fen
               OR s.total_fen <> s.fee_fen + s.household_fen + s.supplier_fen
            """),
        new("disbursements-within-credits", "Disbursements never exceed credits: no household is paid more than it was credited",
            "{0:N0} households with postings", "SELECT count(*) FROM account_totals WHERE account LIKE 'household:%'",
            """
            SELECT format('%s: %s fen more paid out than credited', account, balance) FROM account_totals WHERE account LIKE 'household:%' AND balance > 0
            UNION ALL
            SELECT format('disbursements in transit: %s fen more confirmed than sent', balance) FROM account_totals
            WHERE account = 'disbursements-in-transit' AND balance > 0
            """),
        new("escrow-covered", "Settlements and refunds never release more than buyers paid in (escrow never below zero)",
            "{0:N0} escrow postings", "SELECT coalesce(sum(n), 0)::bigint FROM account_totals WHERE account = 'escrow'",
            "SELECT format('escrow is %s fen below zero', balance) FROM account_totals WHERE account = 'escrow' AND balance > 0"),
    ];

    public async Task<IntegrityReport> VerifyAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        // One snapshot for all rules: a settlement committed between two queries cannot look like a violation. The transaction
        // writes only its own temporary tables, dropped at commit.
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var totals = new NpgsqlCommand("SET LOCAL work_mem = '64MB';" + Totals, connection, tx) { CommandTimeout = 0 })
            await totals.ExecuteNonQueryAsync(ct);

        var checks = new List<IntegrityCheck>();
        foreach (var rule in Rules)
        {
            var counts = new List<long>();
            var started = clock.Elapsed;
            await using (var command = new NpgsqlCommand(rule.CheckedSql, connection, tx) { CommandTimeout = 0 })
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                for (var i = 0; i < reader.FieldCount; i++) counts.Add(reader.GetInt64(i));
            }
            var examples = new List<string>();
            long violations = 0;
            await using (var command = new NpgsqlCommand($"SELECT v.text, count(*) OVER () FROM ({rule.ViolationsSql}) AS v(text) LIMIT {ExamplesPerCheck}", connection, tx) { CommandTimeout = 0 })
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    examples.Add(reader.GetString(0));
                    violations = reader.GetInt64(1);
                }
            checks.Add(new IntegrityCheck(rule.Code, rule.Title, rule.CheckedFormat, counts, violations, examples, clock.Elapsed - started));
        }

        var balances = new List<AccountKindBalance>();
        await using (var command = new NpgsqlCommand(
            "SELECT split_part(account, ':', 1), count(*), sum(balance)::bigint FROM account_totals GROUP BY 1 ORDER BY 1", connection, tx))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                balances.Add(new AccountKindBalance(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        await tx.CommitAsync(ct);
        return new IntegrityReport(DateTimeOffset.UtcNow, clock.Elapsed, checks, balances);
    }
}
