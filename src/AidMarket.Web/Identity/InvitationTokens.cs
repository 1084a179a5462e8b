using System.Security.Cryptography;
using System.Text;

namespace AidMarket.Web.Identity;

/// <summary>Invitation links carry a random token; only its SHA-256 is stored, so a database reader cannot use one.</summary>
public static class InvitationTokens
{
    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? ""))).ToLowerInvariant();

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
