namespace AidMarket.Web.Messaging;

/// <summary>An in-app notification for one user; <see cref="MessageKey"/> is a resource key, arguments are filled in at display.</summary>
public class Notification
{
    private Notification() { UserId = MessageKey = ""; }

    public Notification(string userId, string messageKey, string[] arguments, string? link, Guid sourceMessageId)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        MessageKey = messageKey;
        Arguments = arguments;
        Link = link;
        SourceMessageId = sourceMessageId;
        CreatedAt = DateTimeOffset.UtcNow;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }
    public string MessageKey { get; private set; }
    public string[] Arguments { get; private set; } = [];
    public string? Link { get; private set; }
    public Guid SourceMessageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
