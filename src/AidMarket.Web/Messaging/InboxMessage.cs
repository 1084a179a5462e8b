namespace AidMarket.Web.Messaging;

/// <summary>One row per message a consumer has handled: a second delivery finds it and does nothing.</summary>
public class InboxMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
