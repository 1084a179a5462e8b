using AidMarket.Domain.Organizations;
using AidMarket.Web.Messaging.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Messaging;

/// <summary>The app with Messaging:Transport=RabbitMq against the real broker tests/run.sh started.</summary>
public class RabbitMqFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var url = Environment.GetEnvironmentVariable("AIDMARKET_TEST_RABBITMQ") is { Length: > 0 } u
                ? new Uri(u)
                : throw new InvalidOperationException("AIDMARKET_TEST_RABBITMQ is not set. Run the tests with tests/run.sh, which starts RabbitMQ.");
            var credentials = url.UserInfo.Split(':');
            return new Dictionary<string, string?>
            {
                ["Messaging:Transport"] = "RabbitMq",
                ["Messaging:RabbitMq:Host"] = url.Host,
                ["Messaging:RabbitMq:Port"] = url.Port.ToString(),
                ["Messaging:RabbitMq:Username"] = Uri.UnescapeDataString(credentials[0]),
                ["Messaging:RabbitMq:Password"] = Uri.UnescapeDataString(credentials[1]),
                // Queues of their own: other test runs on the same broker do not take these messages.
                ["Messaging:EndpointPrefix"] = "t" + Guid.NewGuid().ToString("N")[..8],
            };
        }
    }
}

public class RabbitMqTests(RabbitMqFixture app) : WebTest<RabbitMqFixture>(app)
{
    private Task<string> AdminIdAsync() =>
        App.QueryAsync(db => db.Users.Where(u => u.Email == "admin@aidmarket.demo").Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task The_bus_is_RabbitMq_and_ready()
    {
        var bus = App.Factory.Services.GetRequiredService<IBus>();
        bus.Address.Scheme.ShouldBe("rabbitmq");
        var ready = await NewBrowser().GetAsync("/health/ready");
        ready.IsSuccessStatusCode.ShouldBeTrue(await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_outbox_event_travels_through_RabbitMq_to_its_consumer()
    {
        var adminId = await AdminIdAsync();
        await App.ExecuteAsync(async db =>
        {
            db.Publish(new MemberJoined(Guid.NewGuid(), "u-rabbit", "经由消息队列", OrganizationRole.Purchaser, adminId));
            await db.SaveChangesAsync();
        });
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n == 1,
            TimeSpan.FromSeconds(60));
        (await App.QueryAsync(db => db.OutboxMessages.SingleAsync())).SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_message_delivered_twice_through_RabbitMq_is_handled_once()
    {
        var adminId = await AdminIdAsync();
        var bus = App.Factory.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();
        var message = new MemberJoined(Guid.NewGuid(), "u-dup", "重复的消息", OrganizationRole.Approver, adminId);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => bus.Publish(message, c => c.MessageId = messageId)));

        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n >= 1,
            TimeSpan.FromSeconds(60));
        await Eventually.SettleAsync(3);
        (await App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId))).ShouldBe(1);
    }

    [Fact]
    public async Task The_invitation_mail_is_sent_through_RabbitMq()
    {
        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");
        await admin.SubmitAsync("/Organization/Members",
            new Dictionary<string, string> { ["InviteEmail"] = "new@canteen.cn", ["InviteRole"] = "Finance" }, "/Organization/Members?handler=Invite");
        var files = await Eventually.ReturnsAsync(
            () => Task.FromResult(App.MailFiles()),
            f => f.Length == 1, TimeSpan.FromSeconds(60));
        (await File.ReadAllTextAsync(files[0])).ShouldContain("new@canteen.cn");
    }
}
