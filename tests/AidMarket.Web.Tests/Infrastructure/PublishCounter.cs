using System.Collections.Concurrent;
using MassTransit;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>Counts what the app hands to the broker, per message id, to prove nothing is published twice or at all.</summary>
public sealed class PublishCounter : IPublishObserver
{
    public ConcurrentDictionary<Guid, int> ByMessageId { get; } = new();

    public int Total => ByMessageId.Values.Sum();

    public static PublishCounter AttachTo(AidMarket.Testing.AidMarketFactory factory)
    {
        var counter = new PublishCounter();
        ((IBus)factory.Services.GetService(typeof(IBus))!).ConnectPublishObserver(counter);
        return counter;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        ByMessageId.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
