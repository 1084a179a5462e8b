namespace AidMarket.Web.Payments;

/// <summary>Stripe settings (section "Stripe"). Online payment is offered only when all three keys are set.</summary>
public class StripeOptions
{
    public string? SecretKey { get; set; }
    public string? PublishableKey { get; set; }
    public string? WebhookSecret { get; set; }
    /// <summary>Another base URL for Stripe's API; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }
    /// <summary>Checkout payment methods: "card" by default; add "alipay" or "wechat_pay" where the account has them enabled.</summary>
    public string[]? PaymentMethodTypes { get; set; }
    /// <summary>How old a signed webhook may be before it is refused as a replay.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How often stored events not yet processed (for example a refund that came before its payment) are tried again.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsEnabled =>
        !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(PublishableKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    public IReadOnlyList<string> MethodTypes => PaymentMethodTypes is { Length: > 0 } types ? types : ["card"];
}
