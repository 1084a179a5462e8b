using System.Diagnostics;
using AidMarket.Testing;

namespace AidMarket.Benchmarks;

/// <summary>Settlement and ledger figures: time to settle many paid orders, and time for the integrity check over the result.</summary>
public sealed record LedgerResult(int Orders, long HouseholdPostings, TimeSpan Settle, double SettlePeakMiB, TimeSpan Verify, double VerifyPeakMiB, bool VerifyPassed,
    int Settled)
{
    public const double MaxSettleSeconds = 60, MaxVerifySeconds = 10;

    public bool Met => Settled == Orders && Settle.TotalSeconds <= MaxSettleSeconds && Verify.TotalSeconds <= MaxVerifySeconds && VerifyPassed;

    public void PrintRows()
    {
        Console.WriteLine($"{"settle " + Orders.ToString("N0") + " orders",-36} {Orders / Settle.TotalSeconds,9:N0} orders/s in {Settle.TotalSeconds:0.0} s "
                          + $"(max {MaxSettleSeconds:0} s), {HouseholdPostings:N0} household postings, peak {SettlePeakMiB:N0} MiB  "
                          + $"{(Settled == Orders && Settle.TotalSeconds <= MaxSettleSeconds ? "met" : "MISSED")}");
        Console.WriteLine($"{"ledger integrity check",-36} {Verify.TotalSeconds,9:0.0} s (max {MaxVerifySeconds:0} s), peak {VerifyPeakMiB:N0} MiB, "
                          + $"{(VerifyPassed ? "ledger OK" : "VIOLATIONS")}  {(Verify.TotalSeconds <= MaxVerifySeconds && VerifyPassed ? "met" : "MISSED")}");
    }
}

public static class LedgerBench
{
    public static async Task<LedgerResult> RunAsync(string root, string connectionString, string work, int orders)
    {
        Console.WriteLine();
        Console.WriteLine($"Ledger: settle {orders:N0} paid supplier orders (about 10 households per lot), then verify the whole ledger");
        var clock = Stopwatch.StartNew();
        var seeded = await DueOrderSeed.SeedAsync(connectionString, orders);
        Console.WriteLine($"  seeded {seeded.Orders:N0} accepted, paid orders over {seeded.Lots:N0} lots and {seeded.Households:N0} households in {clock.Elapsed.TotalSeconds:0.0} s");

        var settle = await AppProcess.RunCommandAsync(root, connectionString, work, ["settle"]);
        Console.Write(Indent(settle.Output));
        if (settle.ExitCode != 0) Console.WriteLine($"  settle exited with {settle.ExitCode}");
        var counts = await CatalogSeeder.ListAsync(Npgsql.NpgsqlDataSource.Create(connectionString),
            "SELECT (SELECT count(*) FROM settlements)::int, (SELECT count(*) FROM postings WHERE account LIKE 'household:%')", r => (r.GetInt32(0), r.GetInt64(1)));
        var (settled, householdPostings) = counts.Single();
        Console.WriteLine($"  settled {settled:N0} orders, {householdPostings:N0} household postings in {settle.Elapsed.TotalSeconds:0.0} s "
                          + $"({settled / settle.Elapsed.TotalSeconds:N0} orders/s, {householdPostings / settle.Elapsed.TotalSeconds:N0} household postings/s), peak memory {settle.PeakMemoryMiB:N0} MiB");

        var verify = await AppProcess.RunCommandAsync(root, connectionString, work, ["ledger", "verify"]);
        Console.Write(Indent(verify.Output));
        Console.WriteLine($"  integrity check in {verify.Elapsed.TotalSeconds:0.0} s (process start included), exit code {verify.ExitCode}, peak memory {verify.PeakMemoryMiB:N0} MiB");
        return new LedgerResult(orders, householdPostings, settle.Elapsed, settle.PeakMemoryMiB, verify.Elapsed, verify.PeakMemoryMiB, verify.ExitCode == 0, settled);
    }

    private static string Indent(string text) => string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l.TrimEnd('\r') + "\n"));
}
