using AidMarket.Web.Messaging;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.Extensions.Options;
using Stripe;

namespace AidMarket.Web.Payments;

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

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<StripeOptions> options, AidMarketDbContext db, OutboxSignal outbox,
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
        if (await StoreAsync(db, stripeEvent.Id, stripeEvent.Type, json, ct)) outbox.Notify();
        return Results.Ok();
    }

    /// <summary>
    /// Stores the event unless its id is known; a new one is announced through the outbox. One statement, so one round trip
    /// and one commit: both rows or neither.
    /// </summary>
    public static Task<bool> StoreAsync(AidMarketDbContext db, string id, string type, string json, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            var announcement = OutboxMessage.From(new StripeEventReceived(id, type));
            await using var command = new Npgsql.NpgsqlCommand("""
                WITH stored AS (
                    INSERT INTO stripe_events (id, type, payload, received_at) VALUES ($1, $2, $3, now()) ON CONFLICT (id) DO NOTHING RETURNING id)
                INSERT INTO outbox_messages (id, type, payload, created_at, attempts) SELECT $4, $5, $6::jsonb, $7, 0 FROM stored
                """, connection, transaction)
            {
                Parameters =
                {
                    new() { Value = id }, new() { Value = type }, new() { Value = json },
                    new() { Value = announcement.Id }, new() { Value = announcement.Type }, new() { Value = announcement.Payload },
                    new() { Value = announcement.CreatedAt },
                },
            };
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);
}
