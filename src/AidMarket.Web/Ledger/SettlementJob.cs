using Microsoft.Extensions.Options;

namespace AidMarket.Web.Ledger;

/// <summary>Sweeps for orders due that no event settled (for example paid while the broker was down).</summary>
public sealed class SettlementJob(SettlementRunner runner, IOptions<SettlementOptions> options, ILogger<SettlementJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try { await runner.SettleAllDueAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { logger.LogWarning(ex, "Settlement sweep failed; retrying later"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
