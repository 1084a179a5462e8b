using AidMarket.Web.Messaging;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AidMarket.Web.Data;

/// <summary>
/// Wakes the dispatcher when a context that published commits: after SaveChanges outside a transaction, or when its explicit
/// transaction commits. Stateless, so one instance serves every pooled context; a spurious wake only costs the dispatcher a query.
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private void Wake(DbContext? context, bool committed)
    {
        if (context is not AidMarketDbContext { OutboxPending: true } db || !committed) return;
        db.OutboxPending = false;
        signal.Notify();
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wake(eventData.Context, eventData.Context?.Database.CurrentTransaction is null);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context, eventData.Context?.Database.CurrentTransaction is null);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context, true);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context, true);
        return Task.CompletedTask;
    }
}
