using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AidMarket.Testing;

/// <summary>
/// A local stand-in for the parts of Stripe's HTTP API the app calls (Checkout Sessions, refunds, transfers), on a free
/// loopback port, so tests run the real Stripe.net client. Same Idempotency-Key, same answer. Transfers can be refused per
/// destination or have their answer lost after they were made. Its hosted checkout page
/// (/pay/{session}) has Pay and Decline card buttons that send correctly signed webhooks to the app, as Stripe would,
/// and send the browser back. Every API request is recorded for assertions.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake";
    public const string PublishableKey = "pk_test_fake";
    public const string WebhookSecret = "whsec_test_fake";
    public const string WebhookPath = "/stripe/webhook";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Lazy<string>> _idempotent = new();
    private readonly ConcurrentDictionary<string, FakeSession> _sessions = new();
    private int _counter;

    public sealed record Request(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form);

    /// <summary>A Checkout Session as created, with the metadata the app gave it and the payment intent it will pay.</summary>
    public sealed record FakeSession(string Id, string PaymentIntentId, long AmountFen, string Currency, string SuccessUrl, string CancelUrl,
        IReadOnlyDictionary<string, string> Metadata, IReadOnlyDictionary<string, string> PaymentIntentMetadata);

    public ConcurrentQueue<Request> Requests { get; } = new();
    /// <summary>Where webhooks go: a client for the app (set once the app exists).</summary>
    public Func<HttpClient>? Webhooks { get; set; }
    /// <summary>Sends refund.updated to the app as soon as a refund is created (as Stripe does), racing the API answer.</summary>
    public bool SendRefundWebhooks { get; set; } = true;
    public string BaseUrl { get; private set; } = "";
    /// <summary>Every transfer made (once per idempotency key), as Stripe would return it.</summary>
    public ConcurrentQueue<Dictionary<string, object?>> Transfers { get; } = new();
    /// <summary>Connected accounts Stripe refuses to transfer to, with its message (400, nothing made).</summary>
    public ConcurrentDictionary<string, string> RefuseTransfersTo { get; } = new();
    /// <summary>How many of the next transfer requests make the transfer but answer 500, as a lost connection would.</summary>
    public int LoseTransferAnswers { get => Volatile.Read(ref _lostTransferAnswers); set => Volatile.Write(ref _lostTransferAnswers, value); }
    private int _lostTransferAnswers;

    private FakeStripe(WebApplication app) => _app = app;

    /// <summary>The app's settings that turn Stripe on against this fake.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = SecretKey, ["Stripe:PublishableKey"] = PublishableKey, ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Stripe:ApiBase"] = BaseUrl, ["Stripe:SweepInterval"] = "00:00:01",
    };

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath(), EnvironmentName = "FakeStripe" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public FakeSession Session(string id) => _sessions[id];
    public IReadOnlyList<FakeSession> Sessions => _sessions.Values.ToList();

    private string NextId(string prefix) => $"{prefix}_test_{Interlocked.Increment(ref _counter):D4}{Guid.NewGuid():N}"[..(prefix.Length + 20)];

    private void Map(WebApplication app)
    {
        app.MapPost("/v1/checkout/sessions", (HttpRequest request) => IdempotentAsync(request, form =>
        {
            var session = new FakeSession(NextId("cs"), NextId("pi"), long.Parse(form["line_items[0][price_data][unit_amount]"]),
                form["line_items[0][price_data][currency]"], form["success_url"], form["cancel_url"],
                Nested(form, "metadata"), Nested(form, "payment_intent_data[metadata]"));
            _sessions[session.Id] = session;
            return SessionObject(session, paid: false);
        }));
        app.MapGet("/v1/checkout/sessions/{id}", (string id) =>
            _sessions.TryGetValue(id, out var s) ? Results.Text(Json(SessionObject(s, paid: false)), "application/json") : NotFound());
        app.MapPost("/v1/refunds", (HttpRequest request) => IdempotentAsync(request, form =>
        {
            var refund = RefundObject(NextId("re"), form["payment_intent"], long.Parse(form["amount"]), Nested(form, "metadata"));
            if (SendRefundWebhooks)
                _ = Task.Run(() => SendEventAsync(EventJson("evt_" + refund["id"], "refund.updated", refund)));
            return refund;
        }));
        app.MapPost("/v1/transfers", async (HttpRequest request, HttpResponse response) =>
        {
            var (form, key) = await ReadAsync(request);
            if (RefuseTransfersTo.TryGetValue(form.GetValueOrDefault("destination") ?? "", out var refusal))
                return Results.Json(new { error = new { type = "invalid_request_error", code = "account_invalid", message = refusal } }, statusCode: 400);
            var body = Idempotent(request.Path, key, form, f =>
            {
                var transfer = TransferObject(NextId("tr"), long.Parse(f["amount"]), f["currency"], f.GetValueOrDefault("destination"), Nested(f, "metadata"));
                Transfers.Enqueue(transfer);
                return transfer;
            });
            if (!TakeOne(ref _lostTransferAnswers)) return Results.Text(body, "application/json");
            // The transfer is made, but its answer never arrives intact: the caller cannot know.
            response.Headers["Stripe-Should-Retry"] = "false";
            return Results.Json(new { error = new { type = "api_error", message = "An error occurred with our connection to Stripe." } }, statusCode: 500);
        });
        app.MapGet("/pay/{id}", (string id) => _sessions.TryGetValue(id, out var s) ? Results.Content(CheckoutPage(s), "text/html; charset=utf-8") : NotFound());
        app.MapPost("/pay/{id}/complete", async (string id) =>
        {
            var s = _sessions[id];
            await SendEventAsync(CheckoutCompletedEvent(s));
            await SendEventAsync(PaymentSucceededEvent(s));
            return Results.Redirect(s.SuccessUrl);
        });
        app.MapPost("/pay/{id}/decline", async (string id) =>
        {
            var s = _sessions[id];
            await SendEventAsync(PaymentFailedEvent(s, "Your card was declined."));
            return Results.Redirect(s.CancelUrl);
        });
    }

    private static IResult NotFound() =>
        Results.Json(new { error = new { type = "invalid_request_error", message = "No such object" } }, statusCode: 404);

    private async Task<IResult> IdempotentAsync(HttpRequest request, Func<Dictionary<string, string>, Dictionary<string, object?>> create)
    {
        var (form, key) = await ReadAsync(request);
        return Results.Text(Idempotent(request.Path, key, form, create), "application/json");
    }

    /// <summary>The request's form and idempotency key, recorded.</summary>
    private async Task<(Dictionary<string, string> Form, string? Key)> ReadAsync(HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        Requests.Enqueue(new Request(request.Method, request.Path, key, form));
        return (form, key);
    }

    private string Idempotent(string path, string? key, Dictionary<string, string> form, Func<Dictionary<string, string>, Dictionary<string, object?>> create) =>
        key is null ? Json(create(form)) : _idempotent.GetOrAdd($"{path}|{key}", _ => new Lazy<string>(() => Json(create(form)))).Value;

    private static bool TakeOne(ref int counter)
    {
        int left;
        do
        {
            left = Volatile.Read(ref counter);
            if (left <= 0) return false;
        } while (Interlocked.CompareExchange(ref counter, left - 1, left) != left);
        return true;
    }

    private static Dictionary<string, string> Nested(Dictionary<string, string> form, string prefix) =>
        form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal) && f.Key.IndexOf('[', prefix.Length + 1) < 0)
            .ToDictionary(f => f.Key[(prefix.Length + 1)..^1], f => f.Value);

    public static string Json(object value) => JsonSerializer.Serialize(value);

    private Dictionary<string, object?> SessionObject(FakeSession s, bool paid) => new()
    {
        ["id"] = s.Id, ["object"] = "checkout.session", ["mode"] = "payment", ["url"] = $"{BaseUrl}/pay/{s.Id}",
        ["amount_total"] = s.AmountFen, ["currency"] = s.Currency, ["payment_intent"] = s.PaymentIntentId,
        ["metadata"] = s.Metadata, ["client_reference_id"] = s.Metadata.GetValueOrDefault("invoice_id"),
        ["status"] = paid ? "complete" : "open", ["payment_status"] = paid ? "paid" : "unpaid",
        ["success_url"] = s.SuccessUrl, ["cancel_url"] = s.CancelUrl,
    };

    private static Dictionary<string, object?> PaymentIntentObject(FakeSession s, string status, string? error) => new()
    {
        ["id"] = s.PaymentIntentId, ["object"] = "payment_intent", ["amount"] = s.AmountFen, ["amount_received"] = status == "succeeded" ? s.AmountFen : 0,
        ["currency"] = s.Currency, ["status"] = status, ["metadata"] = s.PaymentIntentMetadata,
        ["last_payment_error"] = error is null ? null : new Dictionary<string, object?> { ["type"] = "card_error", ["code"] = "card_declined", ["message"] = error },
    };

    public static Dictionary<string, object?> RefundObject(string id, string paymentIntentId, long amountFen, IReadOnlyDictionary<string, string>? metadata = null,
        string status = "succeeded") => new()
    {
        ["id"] = id, ["object"] = "refund", ["amount"] = amountFen, ["currency"] = "cny", ["payment_intent"] = paymentIntentId,
        ["status"] = status, ["metadata"] = metadata ?? new Dictionary<string, string>(),
    };

    public static Dictionary<string, object?> TransferObject(string id, long amountFen, string currency, string? destination,
        IReadOnlyDictionary<string, string> metadata, long amountReversed = 0) => new()
    {
        ["id"] = id, ["object"] = "transfer", ["amount"] = amountFen, ["currency"] = currency, ["destination"] = destination,
        ["metadata"] = metadata, ["amount_reversed"] = amountReversed, ["reversed"] = amountReversed == amountFen, ["livemode"] = false,
    };

    /// <summary>transfer.reversed for a transfer made here, reversed by <paramref name="amountReversed"/> (all of it unless told).</summary>
    public static string TransferReversedEvent(Dictionary<string, object?> transfer, long? amountReversed = null, string? eventId = null)
    {
        var amount = (long)transfer["amount"]!;
        var reversed = TransferObject((string)transfer["id"]!, amount, (string)transfer["currency"]!, (string?)transfer["destination"],
            (IReadOnlyDictionary<string, string>)transfer["metadata"]!, amountReversed ?? amount);
        return EventJson(eventId ?? $"evt_{transfer["id"]}_reversed", "transfer.reversed", reversed);
    }

    public string CheckoutCompletedEvent(FakeSession s) => EventJson($"evt_{s.Id}_completed", "checkout.session.completed", SessionObject(s, paid: true));
    public static string PaymentSucceededEvent(FakeSession s) => EventJson($"evt_{s.PaymentIntentId}_succeeded", "payment_intent.succeeded", PaymentIntentObject(s, "succeeded", null));
    public static string PaymentFailedEvent(FakeSession s, string message) =>
        EventJson($"evt_{s.PaymentIntentId}_failed", "payment_intent.payment_failed", PaymentIntentObject(s, "requires_payment_method", message));

    /// <summary>charge.refunded with its refunds, as Stripe sends it for a refund made anywhere (also in Stripe's dashboard).</summary>
    public static string ChargeRefundedEvent(FakeSession s, string refundId, long amountFen) => EventJson($"evt_{refundId}_charge", "charge.refunded",
        new Dictionary<string, object?>
        {
            ["id"] = "ch_" + s.PaymentIntentId[3..], ["object"] = "charge", ["amount"] = s.AmountFen, ["amount_refunded"] = amountFen, ["currency"] = s.Currency,
            ["payment_intent"] = s.PaymentIntentId, ["refunded"] = amountFen == s.AmountFen,
            ["refunds"] = new Dictionary<string, object?> { ["object"] = "list", ["data"] = new[] { RefundObject(refundId, s.PaymentIntentId, amountFen) } },
        });

    public static string EventJson(string id, string type, object dataObject, DateTimeOffset? created = null) => Json(new Dictionary<string, object?>
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = "2025-01-27.acacia", ["type"] = type, ["livemode"] = false, ["pending_webhooks"] = 1,
        ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(), ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
    });

    public static string Sign(string payload, DateTimeOffset? at = null, string secret = WebhookSecret) =>
        Stripe.EventUtility.GenerateSignatureHeader(payload, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());

    /// <summary>Posts a webhook to the app as Stripe would: the raw JSON with its Stripe-Signature header.</summary>
    public async Task<HttpResponseMessage> SendEventAsync(string json, string? signature = null)
    {
        var client = (Webhooks ?? throw new InvalidOperationException("FakeStripe.Webhooks is not set"))();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? Sign(json));
        return await client.SendAsync(request);
    }

    private static string CheckoutPage(FakeSession s) => $$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head><body>
        <main><h1>Fake Stripe Checkout</h1><p>Pay <strong>{{s.Currency.ToUpperInvariant()}} {{WebUtility.HtmlEncode((s.AmountFen / 100m).ToString("0.00"))}}</strong></p>
        <form method="post" action="/pay/{{s.Id}}/complete"><button type="submit">Pay</button></form>
        <form method="post" action="/pay/{{s.Id}}/decline"><button type="submit">Decline card</button></form></main></body></html>
        """;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
