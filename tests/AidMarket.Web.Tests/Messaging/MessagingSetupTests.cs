using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Tests.Messaging;

public class MessagingSetupTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void The_bus_never_reports_usage_to_MassTransits_vendor() =>
        app.Factory.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled.ShouldBeFalse();
}
