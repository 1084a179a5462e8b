using System.Diagnostics;
using AidMarket.Web.Ledger;

namespace AidMarket.Web.Hosting;

/// <summary>
/// Operator commands run instead of the web server, on the same configuration and database:
/// <c>AidMarket.Web ledger verify</c> checks the whole ledger (exit 1 on any violation, 2 if it could not run);
/// <c>AidMarket.Web settle</c> settles every supplier order that is due now and prints how many and how fast.
/// </summary>
public static class AdminCommands
{
    public static bool Matches(string[] args) => args is ["ledger", "verify", ..] or ["settle", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string connectionString, string[] args, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        try
        {
            if (args is ["settle", ..])
            {
                var clock = Stopwatch.StartNew();
                var settled = await services.GetRequiredService<SettlementRunner>().SettleAllDueAsync(stop.Token);
                var seconds = clock.Elapsed.TotalSeconds;
                output.WriteLine($"Settled {settled:N0} supplier order(s) in {seconds:0.00} s ({(seconds > 0 ? settled / seconds : 0):N0} per second).");
                return 0;
            }
            var report = await new LedgerIntegrity(connectionString).VerifyAsync(stop.Token);
            report.WriteTo(output);
            return report.Passed ? 0 : 1;
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{string.Join(' ', args)} could not run: {ex.Message}");
            return 2;
        }
    }
}
