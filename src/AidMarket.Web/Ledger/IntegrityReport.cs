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

/// <summary>The balance of each kind of account (debit positive), for the report's overview.</summary>
public sealed record AccountKindBalance(string Kind, long Accounts, Money Balance);

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
        foreach (var b in Balances) output.WriteLine($"         {b.Kind,-26} {b.Accounts,9:N0} account(s) {b.Balance.Fen,20:N0}");
        output.WriteLine(Passed
            ? $"Ledger OK: {Checks.Count} rules hold ({Elapsed.TotalSeconds:0.00} s)."
            : $"Ledger VIOLATED: {Violations:N0} violation(s) of {Checks.Count(c => !c.Passed)} rule(s) ({Elapsed.TotalSeconds:0.00} s).");
    }
}
