using AidMarket.Web.Messaging.Contracts;
using AidMarket.Web.Payments;
using MassTransit;

namespace AidMarket.Web.Messaging.Consumers;

/// <summary>Applies a stored Stripe event; a failure is retried by the bus and later by <see cref="StripeEventSweep"/>.</summary>
public class ApplyStripeEvent(StripeEventProcessor processor) : IConsumer<StripeEventReceived>
{
    public Task Consume(ConsumeContext<StripeEventReceived> context) => processor.ProcessAsync(context.Message.EventId, context.CancellationToken);
}
