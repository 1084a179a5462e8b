using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AidMarket.Web.Messaging;

/// <summary>Wakes the dispatcher as soon as an event was committed instead of waiting for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}

internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    private bool _pending;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _pending |= eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction the rows are not visible yet; the dispatcher's poll finds them after commit.
        if (_pending && eventData.Context!.Database.CurrentTransaction is null)
        {
            _pending = false;
            signal.Notify();
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
