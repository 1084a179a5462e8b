using Stripe;

namespace AidMarket.Web.Payments;

public static class StripeSetup
{
    public static IServiceCollection AddAidMarketStripe(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StripeOptions>(configuration.GetSection("Stripe"));
        services.AddSingleton<IStripeClient>(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StripeOptions>>().Value;
            var client = new StripeClientOptions { ApiKey = options.SecretKey ?? "" };
            if (!string.IsNullOrWhiteSpace(options.ApiBase)) client.ApiBase = options.ApiBase.TrimEnd('/');
            return new StripeClient(client);
        });
        services.AddScoped<StripeCheckout>();
        services.AddScoped<StripeTransfers>();
        services.AddSingleton<StripeEventProcessor>();
        services.AddHostedService<StripeEventSweep>();
        return services;
    }
}
