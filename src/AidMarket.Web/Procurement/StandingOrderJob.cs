using AidMarket.Domain.Procurement;
using AidMarket.Web.Catalog;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Procurement;

public class StandingOrderOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Generates the orders standing agreements have due. Each agreement is claimed with FOR UPDATE SKIP LOCKED and each
/// due date leaves one run row (unique per agreement and date), so an order is generated exactly once on any number
/// of instances. Items are quoted as a cart's lines are and placed by OrderPlacement in the job's transaction.
/// </summary>
public class StandingOrderJob(IServiceScopeFactory scopes, IOptions<StandingOrderOptions> options, IStringLocalizer<SharedResource> l,
    ILogger<StandingOrderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try { await RunOnceAsync(DateOnly.FromDateTime(DateTime.UtcNow), stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested) { logger.LogWarning(ex, "Standing order run failed; retrying later"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Generates every order due up to <paramref name="today"/>; returns how many due dates were handled here.</summary>
    public async Task<int> RunOnceAsync(DateOnly today, CancellationToken ct)
    {
        var handled = 0;
        var skip = new List<Guid>(); // agreements that failed unexpectedly in this run: the others must not wait behind them
        while (await GenerateNextAsync(today, skip, ct) is { } done) handled += done ? 1 : 0;
        return handled;
    }

    /// <summary>Handles the next due date of one agreement; null when nothing is due, false when it failed unexpectedly.</summary>
    private async Task<bool?> GenerateNextAsync(DateOnly today, List<Guid> skip, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var placement = scope.ServiceProvider.GetRequiredService<OrderPlacement>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var skipped = skip.ToArray();
        var agreement = await db.StandingAgreements.FromSql($"""
            SELECT *, xmin FROM standing_agreements WHERE status = 'Active' AND next_due_on <= {today} AND NOT (id = ANY({skipped}))
            ORDER BY next_due_on, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).SingleOrDefaultAsync(ct);
        if (agreement is null) return null;
        var due = agreement.NextDueOn!.Value;
        var now = DateTimeOffset.UtcNow;
        try
        {
            // The savepoint keeps the agreement locked if the order fails: the failure is recorded in the same transaction.
            await tx.CreateSavepointAsync("order", ct);
            try
            {
                var order = (await placement.SubmitAsync(tx, await SubmissionAsync(db, agreement, due, today, now, ct), now, ct)).Order;
                db.StandingOrderRuns.Add(new StandingOrderRun(agreement.Id, due, order.Id, null, now));
                db.Publish(new StandingOrderGenerated(agreement.Id, agreement.BuyerOrganizationId, agreement.SupplierId, due, order.Id, order.Number, null));
            }
            catch (DomainException ex)
            {
                await tx.RollbackToSavepointAsync("order", ct);
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity != agreement).ToList()) entry.State = EntityState.Detached;
                var reason = InDefaultCulture(() => l.Error(ex)); // stored text: in the platform's default language
                db.StandingOrderRuns.Add(new StandingOrderRun(agreement.Id, due, null, reason.Length > 500 ? reason[..500] : reason, now));
                db.Publish(new StandingOrderGenerated(agreement.Id, agreement.BuyerOrganizationId, agreement.SupplierId, due, null, null, reason));
            }
            agreement.Advance();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DomainException)
        {
            logger.LogError(ex, "Standing agreement {Agreement} could not be handled for {Due}; it is retried at the next run", agreement.Id, due);
            skip.Add(agreement.Id);
            return false;
        }
    }

    private static string InDefaultCulture(Func<string> text)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(Localization.LocalizationSetup.Chinese);
        try { return text(); }
        finally { System.Globalization.CultureInfo.CurrentUICulture = previous; }
    }

    /// <summary>The agreement's items quoted as a cart's lines are (LineQuote), keeping the names and units the agreement gave them.</summary>
    private static async Task<Submission> SubmissionAsync(AidMarketDbContext db, StandingAgreement agreement, DateOnly due, DateOnly today,
        DateTimeOffset now, CancellationToken ct)
    {
        var ids = agreement.Items.Select(i => i.ProductId).ToList();
        var onSale = await StorefrontQuery.OnSale(db, DateOnly.FromDateTime(now.UtcDateTime)).Where(r => ids.Contains(r.Product.Id))
            .ToDictionaryAsync(r => r.Product.Id, ct);
        var lines = agreement.Items.Select(i => LineQuote.For(onSale.TryGetValue(i.ProductId, out var row) ? Offer.Of(row.Product) : null, i.Quantity)
            .Accepted(i.ProductName) with { ProductName = i.ProductName, Unit = i.Unit }).ToList();
        return new Submission(agreement.BuyerOrganizationId, agreement.CreatedByUserId,
            new DeliveryDetails("", "", agreement.DeliveryAddress, due < today ? today : due, $"定向直供 {due:yyyy-MM-dd}"), lines);
    }
}
