using System.Security.Cryptography;
using System.Text;

namespace AidMarket.Web.Api;

/// <summary>A buyer organization's key for its ERP. Only a SHA-256 of the key is stored; the key is shown once.</summary>
public class ApiKey
{
    private ApiKey() { Name = Prefix = Hash = CreatedByUserId = ""; }

    public static (ApiKey Key, string Secret) Create(Guid organizationId, string name, string createdByUserId)
    {
        var secret = "am_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiKey
        {
            Id = Guid.CreateVersion7(), OrganizationId = organizationId, Name = name.Trim(), Prefix = secret[..10], Hash = HashOf(secret),
            CreatedByUserId = createdByUserId, CreatedAt = DateTimeOffset.UtcNow,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; }
    /// <summary>The first characters, so people can tell their keys apart.</summary>
    public string Prefix { get; private set; }
    public string Hash { get; private set; }
    public string CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
