using System.Security.Cryptography;
using System.Text;
using AidMarket.Domain.Producers;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Security;

public class SensitiveDataOptions
{
    /// <summary>Base64 of a 32-byte master key. Takes precedence over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }
    /// <summary>A file holding the base64 master key. With the embedded database it is created on first run beside the cluster.</summary>
    public string? KeyFile { get; set; }
}

/// <summary>
/// Seals household ID numbers and payout accounts with AES-256-GCM under a key that never enters the database,
/// plus a keyed HMAC lookup so duplicates are found without decrypting. Encryption and lookup keys are derived
/// separately from one master key.
/// </summary>
public sealed class SensitiveData
{
    private readonly AesGcmBox _box;
    private readonly byte[] _lookupKey;

    public SensitiveData(IOptions<SensitiveDataOptions> options)
    {
        var master = LoadMasterKey(options.Value);
        _box = new AesGcmBox(HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "aidmarket/sensitive/encrypt"u8.ToArray()));
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "aidmarket/sensitive/lookup"u8.ToArray());
        KeyRing = new AesGcmBox(HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "aidmarket/data-protection/key-ring"u8.ToArray()));
    }

    /// <summary>Seals the Data Protection key ring in the database (<see cref="KeyRingEncryption"/>): one secret to keep.</summary>
    public AesGcmBox KeyRing { get; }

    public SealedValue Seal(ChineseIdNumber id) => new(Encrypt(id.Value), Lookup(id.Value), id.Masked);

    public SealedValue SealAccount(string account) => new(Encrypt(account.Trim()), null, Household.MaskAccount(account.Trim()));

    public string Lookup(ChineseIdNumber id) => Lookup(id.Value);

    public string Unseal(byte[] sealedBytes) => Encoding.UTF8.GetString(_box.Open(sealedBytes));

    private byte[] Encrypt(string value) => _box.Seal(Encoding.UTF8.GetBytes(value));

    private string Lookup(string value) => Convert.ToHexString(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(value))).ToLowerInvariant();

    private static byte[] LoadMasterKey(SensitiveDataOptions options)
    {
        if (!string.IsNullOrEmpty(options.Key)) return Decode(options.Key, "SensitiveData:Key");
        var path = options.KeyFile ?? throw new HouseholdKeyException(
            "No key for household data. Set SensitiveData__Key (base64 of 32 random bytes, e.g. `openssl rand -base64 32`) "
            + "or SensitiveData__KeyFile. Keep it outside the database and back it up: without it the ID numbers cannot be read.");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return Decode(File.ReadAllText(path).Trim(), path);
    }

    private static byte[] Decode(string base64, string source)
    {
        var key = new byte[32];
        if (!Convert.TryFromBase64String(base64.Trim(), key, out var length) || length != 32)
            throw new HouseholdKeyException($"The household data key in {source} must be base64 of 32 bytes: make one with `openssl rand -base64 32`.");
        if (KnownKeys.IsKnown(key))
            throw new HouseholdKeyException($"The household data key in {source} is published in the AidMarket repository and protects nothing: "
                + "make your own with `openssl rand -base64 32` (docker/.env.example says where it goes).");
        return key;
    }
}
