using MassTransit;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Messaging;

public class OutboxOptions
{
    public bool Enabled { get; set; } = true;
    public int BatchSize { get; set; } = 50;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Publishes committed outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app
/// instances share the work and none publishes a row another is publishing. A row is marked sent
/// only after the broker took it; a crash in between republishes it with the same MessageId,
/// which the consumers' inbox discards.
/// </summary>
public class OutboxDispatcher(IServiceScopeFactory scopes, IBus bus, OutboxSignal signal,
    IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            int dispatched;
            try
            {
                dispatched = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; retrying");
                dispatched = 0;
            }
            if (dispatched == 0)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND attempts < {OutboxMessage.MaxAttempts} AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                ORDER BY created_at, id LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        var sent = new List<Guid>(); // marked sent together, in one statement, unless their payload changes (see MarkSent)
        foreach (var message in batch)
        {
            try
            {
                var payload = message.Deserialize();
                await bus.Publish(payload, message.ResolveType(), context => context.MessageId = message.Id, ct);
                if (payload is Contracts.ICarriesSecret) message.MarkSent(payload, DateTimeOffset.UtcNow);
                else
                {
                    sent.Add(message.Id);
                    db.Entry(message).State = EntityState.Detached;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad message must not hold back the others: it waits and is retried on its own.
                logger.LogWarning(ex, "Publishing outbox message {Id} ({Type}) failed", message.Id, message.Type);
                message.MarkFailed(ex.Message, DateTimeOffset.UtcNow);
            }
        }
        if (sent.Count > 0)
            await db.OutboxMessages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return sent.Count + batch.Count(m => m.SentAt is not null);
    }
}
