using System.Text.Json;

namespace AidMarket.Web.Messaging;

/// <summary>An event saved in the same transaction as the change it announces, published later by <see cref="OutboxDispatcher"/>.</summary>
public class OutboxMessage
{
    public Guid Id { get; private set; }
    /// <summary>The CLR type name of the event (a type in <see cref="Contracts"/>).</summary>
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage From<T>(T message) where T : class => new()
    {
        Id = Guid.CreateVersion7(),
        Type = typeof(T).FullName!,
        Payload = JsonSerializer.Serialize(message),
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public object Deserialize() => JsonSerializer.Deserialize(Payload, ResolveType())!;

    public Type ResolveType() => typeof(OutboxMessage).Assembly.GetType(Type, throwOnError: true)!;

    public const int MaxAttempts = 10;

    /// <summary>Not before this time: a failed message waits longer after each failure.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Marks it sent; a message with a secret (an invitation link) keeps only its harmless copy.</summary>
    public void MarkSent(object message, DateTimeOffset now)
    {
        SentAt = now;
        if (message is Contracts.ICarriesSecret secret)
            Payload = JsonSerializer.Serialize(secret.WithoutSecret(), ResolveType());
    }

    /// <summary>Backs off 2, 4, 8 … seconds (at most an hour); after <see cref="MaxAttempts"/> it stays unsent for an operator.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Attempts)));
    }
}
