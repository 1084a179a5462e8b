using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Messaging.Consumers;

/// <summary>Tells whoever sent the invitation that the person has joined.</summary>
public class MemberJoinedNotifier(AidMarketDbContext db) : NotifyingConsumer<MemberJoined>(db)
{
    protected override IQueryable<string> Recipients(MemberJoined m) => Db.Users.Where(u => u.Id == m.InvitedByUserId).Select(u => u.Id);

    protected override (string, string[], string?) Message(MemberJoined m) =>
        ("Notification.MemberJoined", [m.DisplayName, "Role." + m.Role], "/Organization/Members");
}
