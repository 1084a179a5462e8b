using AidMarket.Web.Messaging.Contracts;
using Microsoft.Extensions.Options;
using Stripe;

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

/// <summary>
/// POST /stripe/webhook: verifies the signature on the raw body, stores the event once by its id and, in the same
/// transaction, puts <see cref="StripeEventReceived"/> in the outbox; answers at once. The work happens in
/// <see cref="StripeEventProcessor"/>. A forged or stale event is refused with 400 and stores nothing; a replayed one is
/// acknowledged and ignored. Without Stripe keys the endpoint does not exist (404).
/// </summary>
public static class StripeWebhook
{
    public const string Path = "/stripe/webhook";

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<StripeOptions> options, AidMarketDbContext db,
        ILoggerFactory logs, CancellationToken ct)
    {
        // Stripe reads only the status: no HTML error page (which, re-executed as a POST, would also fail antiforgery).
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        var stripe = options.Value;
        if (!stripe.IsEnabled) return Results.NotFound();
        using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8);
        var json = await reader.ReadToEndAsync(ct);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, http.Request.Headers["Stripe-Signature"], stripe.WebhookSecret,
                (long)stripe.WebhookTolerance.TotalSeconds, throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logs.CreateLogger(typeof(StripeWebhook)).LogWarning("Stripe webhook refused: {Reason}", ex.Message);
            return Results.BadRequest();
        }
        if (string.IsNullOrEmpty(stripeEvent.Id)) return Results.BadRequest();
        await StoreAsync(db, stripeEvent.Id, stripeEvent.Type, json, ct);
        return Results.Ok();
    }

    /// <summary>Stores the event unless its id is known; a new one is announced through the outbox in the same transaction.</summary>
    public static async Task<bool> StoreAsync(AidMarketDbContext db, string id, string type, string json, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO stripe_events (id, type, payload, received_at) VALUES ({id}, {type}, {json}, now()) ON CONFLICT (id) DO NOTHING
            """, ct);
        if (inserted == 0) return false;
        db.Publish(new StripeEventReceived(id, type));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
