using System.Security.Cryptography;

namespace AidMarket.Web.Security;

/// <summary>Keys that were ever committed to the repository: anyone can read them, so the app refuses to run with one.</summary>
public static class KnownKeys
{
    // SHA-256 of the 32 key bytes (never the keys themselves), one line per place the key appeared.
    private static readonly HashSet<string> Sha256 =
    [
        "54f1982887fbbff09611ca8ea8a014ea1171fcb6ede5c48d1e1c5fe1bcff35ae", // docker/compose.yaml until issue 19
        "8c731c199b130cb096cae9129de0680c61e60606ed5c3ba72ebac58ad6af6df3", // tests/Shared/AppProcess.cs until issue 19
    ];

    public static bool IsKnown(ReadOnlySpan<byte> key) => Sha256.Contains(Convert.ToHexStringLower(SHA256.HashData(key)));
}

/// <summary>The household-data key is missing, malformed or published: the app stops with this one-line message.</summary>
public sealed class HouseholdKeyException(string message) : Exception(message);
