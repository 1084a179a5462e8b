using AidMarket.Web.Messaging.Contracts;
using AidMarket.Web.Ledger;
using MassTransit;

namespace AidMarket.Web.Messaging.Consumers;

/// <summary>Settles the order of a paid invoice. Safe to repeat: settlement happens at most once whatever delivers this.</summary>
public class SettleWhenInvoicePaid(SettlementRunner runner) : IConsumer<InvoicePaid>
{
    public Task Consume(ConsumeContext<InvoicePaid> context) => runner.SettleDueAsync(context.Message.SupplierOrderId, context.CancellationToken);
}
