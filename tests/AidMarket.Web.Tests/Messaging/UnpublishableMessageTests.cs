using AidMarket.Domain.Organizations;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Tests.Messaging;

public class UnpublishableMessageTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task One_message_that_cannot_be_published_does_not_hold_back_the_others()
    {
        var adminId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "admin@aidmarket.demo").Select(u => u.Id).SingleAsync());
        await App.ExecuteAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_messages (id, type, payload, created_at, attempts)
                VALUES ({Guid.CreateVersion7()}, 'AidMarket.Web.Messaging.Contracts.NoSuchEvent', {"{}"}::jsonb, now() - interval '1 minute', 0)
                """);
            db.Publish(new MemberJoined(Guid.NewGuid(), "u", "排在坏消息之后", OrganizationRole.Finance, adminId));
            await db.SaveChangesAsync();
        });
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n == 1);
        var poison = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Type.EndsWith("NoSuchEvent")));
        poison.SentAt.ShouldBeNull();
        poison.Attempts.ShouldBeGreaterThan(0);
        poison.NextAttemptAt.ShouldNotBeNull();
        poison.LastError.ShouldNotBeNullOrEmpty();
    }
}
