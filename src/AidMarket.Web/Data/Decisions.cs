namespace AidMarket.Web.Data;

public static class Decisions
{
    /// <summary>
    /// Runs a change (and any stock it moves) in one transaction and saves it. A broken rule or a change someone made
    /// meanwhile rolls everything back and comes back as the message to show; null means it was saved.
    /// </summary>
    public static async Task<string?> TryAsync(AidMarketDbContext db, IStringLocalizer<SharedResource> l, Func<Task> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await change();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch (Exception ex) when (ex is DomainException or DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return ex is DomainException d ? l.Error(d) : l["Someone else changed this meanwhile. Nothing was saved; look at it again."];
        }
    }

    /// <summary>
    /// <see cref="TryAsync"/> for a change the database lets happen once (a unique source key): when someone else made it at the
    /// same moment, nothing of this one is saved and <paramref name="alreadyDone"/> is the message.
    /// </summary>
    public static async Task<string?> TryOnceAsync(AidMarketDbContext db, IStringLocalizer<SharedResource> l, Func<Task> change, string alreadyDone, CancellationToken ct)
    {
        try
        {
            return await TryAsync(db, l, change, ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return l[alreadyDone];
        }
    }
}
