namespace AidMarket.Web.Messaging.Consumers;

/// <summary>Turns an event into in-app notifications for the people who must act on it or hear of it.</summary>
public abstract class NotifyingConsumer<T>(AidMarketDbContext db) : NotifierBase<T>(db) where T : class
{
    /// <summary>The ids of the users to tell; null when nobody is (nothing is then read).</summary>
    protected abstract IQueryable<string>? Recipients(T message);
    protected abstract (string Key, string[] Arguments, string? Link) Message(T message);

    protected override async Task FindAsync(T message, CancellationToken ct)
    {
        if (Recipients(message) is not { } recipients) return;
        var (key, arguments, link) = Message(message);
        // One query for who is told and where they are mailed.
        Tell(await (from u in Db.Users where recipients.Contains(u.Id) select new Recipient(u.Id, u.Email)).ToListAsync(ct), key, arguments, link);
    }
}
