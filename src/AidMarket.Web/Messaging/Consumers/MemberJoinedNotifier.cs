using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Messaging.Consumers;

/// <summary>Tells whoever sent the invitation that the person has joined.</summary>
public class MemberJoinedNotifier(AidMarketDbContext db) : IdempotentConsumer<MemberJoined>(db)
{
    protected override Task HandleAsync(MemberJoined message, Guid messageId, CancellationToken ct)
    {
        Db.Notifications.Add(new Notification(message.InvitedByUserId, "Notification.MemberJoined",
            [message.DisplayName, "Role." + message.Role], "/Organization/Members", messageId));
        return Task.CompletedTask;
    }
}
