using AidMarket.Domain.Organizations;
using AidMarket.Testing;
using AidMarket.Web.Data;
using AidMarket.Web.Messaging;
using AidMarket.Web.Messaging.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Messaging;

public class OutboxTests(AppFixture app) : WebTest(app)
{
    private static MemberJoined Joined(string inviterId, string name = "新成员") =>
        new(Guid.NewGuid(), Guid.NewGuid().ToString(), name, OrganizationRole.Finance, inviterId);

    private Task<string> AdminIdAsync() =>
        App.QueryAsync(db => db.Users.Where(u => u.Email == "admin@aidmarket.demo").Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task An_event_saved_with_its_change_is_published_and_handled()
    {
        var adminId = await AdminIdAsync();
        var counter = PublishCounter.AttachTo(App.Factory);
        await App.ExecuteAsync(async db =>
        {
            db.Organizations.Add(new Organization(OrganizationKind.Buyer, "某区总工会二分会", buyerKind: BuyerKind.LaborUnion));
            db.Publish(Joined(adminId));
            await db.SaveChangesAsync();
        });

        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n == 1);
        var row = await App.QueryAsync(db => db.OutboxMessages.SingleAsync());
        row.SentAt.ShouldNotBeNull();
        counter.ByMessageId[row.Id].ShouldBe(1);
    }

    [Fact]
    public async Task Nothing_is_published_when_the_transaction_rolls_back()
    {
        var adminId = await AdminIdAsync();
        var counter = PublishCounter.AttachTo(App.Factory);
        await App.ExecuteAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Organizations.Add(new Organization(OrganizationKind.Buyer, "回滚的单位", buyerKind: BuyerKind.SchoolCanteen));
            db.Publish(Joined(adminId));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        });

        await Eventually.SettleAsync();
        (await App.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0);
        (await App.QueryAsync(db => db.Organizations.CountAsync(o => o.Name == "回滚的单位"))).ShouldBe(0);
        (await App.QueryAsync(db => db.Notifications.CountAsync())).ShouldBe(0);
        counter.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_handled_once()
    {
        var adminId = await AdminIdAsync();
        var bus = App.Factory.Services.GetRequiredService<IBus>();
        var message = Joined(adminId, "重复投递");
        var messageId = Guid.NewGuid();

        await bus.Publish(message, c => c.MessageId = messageId);
        await bus.Publish(message, c => c.MessageId = messageId);

        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.InboxMessages.CountAsync(i => i.MessageId == messageId)), n => n == 1);
        await Eventually.SettleAsync();
        (await App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId))).ShouldBe(1);
    }

    [Fact]
    public async Task Five_concurrent_deliveries_of_one_message_are_handled_once()
    {
        var adminId = await AdminIdAsync();
        var bus = App.Factory.Services.GetRequiredService<IBus>();
        var message = Joined(adminId, "并发投递");
        var messageId = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => bus.Publish(message, c => c.MessageId = messageId)));

        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n >= 1);
        await Eventually.SettleAsync(2);
        (await App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId))).ShouldBe(1);
        (await App.QueryAsync(db => db.InboxMessages.CountAsync(i => i.MessageId == messageId))).ShouldBe(1);
    }
}

/// <summary>Outbox behaviour across processes: each test makes its own database and app instances.</summary>
public class OutboxAcrossInstancesTests
{
    private static async Task<string> AdminIdAsync(AidMarketFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        return await db.Users.Where(u => u.Email == "admin@aidmarket.demo").Select(u => u.Id).SingleAsync();
    }

    private static async Task<T> QueryAsync<T>(AidMarketFactory factory, Func<AidMarketDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AidMarketDbContext>());
    }

    [Fact]
    public async Task An_event_stored_before_the_process_stops_is_published_after_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        string adminId;
        await using (var first = new AidMarketFactory(database.ConnectionString, new Dictionary<string, string?> { ["Messaging:Outbox:Enabled"] = "false" }))
        {
            adminId = await AdminIdAsync(first);
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
            db.Publish(new MemberJoined(Guid.NewGuid(), "u1", "重启之前", OrganizationRole.Admin, adminId));
            await db.SaveChangesAsync();
            await Task.Delay(500);
            (await db.OutboxMessages.SingleAsync()).SentAt.ShouldBeNull();
        }

        await using var second = new AidMarketFactory(database.ConnectionString);
        _ = second.Server;
        await Eventually.ReturnsAsync(() => QueryAsync(second, db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n == 1);
        (await QueryAsync(second, db => db.OutboxMessages.SingleAsync())).SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Two_instances_dispatching_one_outbox_publish_every_event_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        // Small batches keep both dispatchers competing for rows the whole time.
        var settings = new Dictionary<string, string?> { ["Messaging:Outbox:BatchSize"] = "5" };
        await using var a = new AidMarketFactory(database.ConnectionString, settings);
        await using var b = new AidMarketFactory(database.ConnectionString, settings);
        _ = a.Server;
        _ = b.Server;
        var counters = new[] { PublishCounter.AttachTo(a), PublishCounter.AttachTo(b) };
        var adminId = await AdminIdAsync(a);
        const int events = 300;

        // Written from both instances in many small transactions while both dispatchers run.
        await Task.WhenAll(new[] { a, b }.Select(async factory =>
        {
            for (int i = 0; i < events / 2; i += 10)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
                for (int j = 0; j < 10; j++)
                    db.Publish(new MemberJoined(Guid.NewGuid(), $"u{i + j}", $"成员{i + j}", OrganizationRole.Receiver, adminId));
                await db.SaveChangesAsync();
            }
        }));

        await Eventually.ReturnsAsync(() => QueryAsync(a, db => db.Notifications.CountAsync()), n => n == events, TimeSpan.FromSeconds(60));
        (await QueryAsync(a, db => db.OutboxMessages.CountAsync(m => m.SentAt == null))).ShouldBe(0);
        var published = counters.SelectMany(c => c.ByMessageId).ToList();
        published.Count.ShouldBe(events);
        published.ShouldAllBe(p => p.Value == 1);
        published.Select(p => p.Key).Distinct().Count().ShouldBe(events);
        counters.ShouldAllBe(c => c.Total > 0, "both instances took part in dispatching");
    }
}
