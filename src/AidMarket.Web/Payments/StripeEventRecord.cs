namespace AidMarket.Web.Payments;

/// <summary>
/// A Stripe event as it arrived (the raw, verified body), stored once by its id. <see cref="ProcessedAt"/> is set in the
/// transaction that applies it; <see cref="Error"/> holds why it could not be applied (for finance to handle).
/// </summary>
public class StripeEventRecord
{
    private StripeEventRecord() { Id = Type = Payload = ""; }

    public string Id { get; private set; }
    public string Type { get; private set; }
    public string Payload { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public string? Error { get; private set; }

    public void MarkProcessed(DateTimeOffset now) => ProcessedAt = now;
}
