using AidMarket.Testing;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>The app with Stripe turned on against a <see cref="FakeStripe"/> whose webhooks reach this app.</summary>
public sealed class StripeAppFixture : AppFixture
{
    public StripeAppFixture()
    {
        // Started before the app, whose settings need the fake's port.
        Stripe = FakeStripe.StartAsync().GetAwaiter().GetResult();
        Stripe.Webhooks = () => Factory.CreateClient();
    }

    public FakeStripe Stripe { get; }

    protected override IDictionary<string, string?> Settings => Stripe.Settings;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
