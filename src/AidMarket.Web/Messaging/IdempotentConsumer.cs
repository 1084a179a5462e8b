using MassTransit;

namespace AidMarket.Web.Messaging;

/// <summary>
/// Handles each message id once: the inbox row and the handler's changes commit in one transaction.
/// A concurrent duplicate waits on the inbox key and then finds the row; a failed attempt leaves none.
/// A message <see cref="PrepareAsync"/> finds nothing to do for leaves no row either: handling it again changes nothing.
/// </summary>
public abstract class IdempotentConsumer<T>(AidMarketDbContext db) : IConsumer<T> where T : class
{
    protected AidMarketDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without MessageId cannot be deduplicated.");
        var consumer = GetType().Name;
        if (!await PrepareAsync(context.Message, context.CancellationToken)) return;
        await using var tx = await Db.Database.BeginTransactionAsync(context.CancellationToken);
        var inserted = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, now()) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (inserted == 0) return;
        await HandleAsync(context.Message, messageId, context.CancellationToken);
        await Db.SaveChangesAsync(context.CancellationToken);
        await tx.CommitAsync(context.CancellationToken);
    }

    /// <summary>Reads what handling needs, before the transaction that claims the inbox row; false when there is nothing to do.</summary>
    protected virtual Task<bool> PrepareAsync(T message, CancellationToken ct) => Task.FromResult(true);

    protected abstract Task HandleAsync(T message, Guid messageId, CancellationToken ct);
}
