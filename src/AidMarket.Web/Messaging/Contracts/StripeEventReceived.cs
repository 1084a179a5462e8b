namespace AidMarket.Web.Messaging.Contracts;

/// <summary>A verified Stripe event was stored (table stripe_events): it is to be applied.</summary>
public record StripeEventReceived(string EventId, string Type);
