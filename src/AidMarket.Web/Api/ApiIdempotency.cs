namespace AidMarket.Web.Api;

/// <summary>An Idempotency-Key already used by an organization: the request it answered and the order it made.</summary>
public class ApiIdempotency
{
    public Guid OrganizationId { get; set; }
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public Guid? OrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
