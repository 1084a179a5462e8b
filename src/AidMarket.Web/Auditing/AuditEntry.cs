using System.Text.Json;

namespace AidMarket.Web.Auditing;

/// <summary>Who did what, when, to which record, with its state before and after. Written in the same transaction as the change.</summary>
public class AuditEntry
{
    private AuditEntry() { Action = EntityType = UserName = ""; }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; }
    /// <summary>A resource key such as "Audit.SupplierApproved".</summary>
    public string Action { get; private set; }
    public string EntityType { get; private set; }
    public Guid EntityId { get; private set; }
    /// <summary>The county whose officers may read this entry.</summary>
    public string? CountyCode { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Reason { get; private set; }

    public static AuditEntry Record(CurrentUser who, string action, string entityType, Guid entityId, string? countyCode,
        object? before = null, object? after = null, string? reason = null, DateTimeOffset? at = null) => new()
    {
        Id = Guid.CreateVersion7(),
        At = at ?? DateTimeOffset.UtcNow,
        UserId = who.UserId,
        UserName = who.DisplayName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        CountyCode = countyCode,
        Before = before is null ? null : JsonSerializer.Serialize(before),
        After = after is null ? null : JsonSerializer.Serialize(after),
        Reason = reason,
    };

    public IReadOnlyDictionary<string, string?> BeforeValues => Parse(Before);
    public IReadOnlyDictionary<string, string?> AfterValues => Parse(After);

    private static Dictionary<string, string?> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!
            .ToDictionary(kv => kv.Key, kv => kv.Value.ValueKind == JsonValueKind.Null ? null : kv.Value.ToString());
}
