using AidMarket.Web.Messaging.Consumers;
using MassTransit;

namespace AidMarket.Web.Messaging;

public class MessagingOptions
{
    /// <summary>InMemory (default, one process) or RabbitMq.</summary>
    public string Transport { get; set; } = "InMemory";
    /// <summary>Prefix for queue names, so several deployments can share one broker.</summary>
    public string EndpointPrefix { get; set; } = "aidmarket";
    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}

public static class MessagingSetup
{
    public static bool IsRabbitMq(this MessagingOptions options) =>
        string.Equals(options.Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddAidMarketMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        services.Configure<OutboxOptions>(configuration.GetSection("Messaging:Outbox"));
        services.AddHostedService<OutboxDispatcher>();

        services.AddMassTransit(bus =>
        {
            bus.AddConsumersFromNamespaceContaining<InvitationMailer>();
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false); // MassTransit 8.5 would report usage to its vendor at start
            var formatter = new KebabCaseEndpointNameFormatter(options.EndpointPrefix, false);
            if (options.IsRabbitMq())
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    cfg.UseMessageRetry(r => r.Intervals(100, 500, 2000));
                    cfg.ConfigureEndpoints(context, formatter);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageRetry(r => r.Intervals(100, 500, 2000));
                    cfg.ConfigureEndpoints(context, formatter);
                });
            }
        });
        return services;
    }
}
