using System.Security.Cryptography;
using System.Text;
using AidMarket.Domain.Producers;
using AidMarket.Web.Hosting;
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
    private const byte FormatVersion = 1;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;

    public SensitiveData(IOptions<SensitiveDataOptions> options)
    {
        var master = LoadMasterKey(options.Value);
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "aidmarket/sensitive/encrypt"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "aidmarket/sensitive/lookup"u8.ToArray());
    }

    public SealedValue Seal(ChineseIdNumber id) => new(Encrypt(id.Value), Lookup(id.Value), id.Masked);

    public SealedValue SealAccount(string account) => new(Encrypt(account.Trim()), null, Household.MaskAccount(account.Trim()));

    public string Lookup(ChineseIdNumber id) => Lookup(id.Value);

    public string Unseal(byte[] sealedBytes)
    {
        if (sealedBytes.Length < 1 + 12 + 16 || sealedBytes[0] != FormatVersion)
            throw new CryptographicException("Unknown sealed value format.");
        var nonce = sealedBytes.AsSpan(1, 12);
        var tag = sealedBytes.AsSpan(13, 16);
        var cipher = sealedBytes.AsSpan(29);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    private byte[] Encrypt(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[1 + 12 + 16 + plain.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(nonce, plain, output.AsSpan(29), output.AsSpan(13, 16));
        return output;
    }

    private string Lookup(string value) => Convert.ToHexString(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(value))).ToLowerInvariant();

    private static byte[] LoadMasterKey(SensitiveDataOptions options)
    {
        if (!string.IsNullOrEmpty(options.Key)) return Decode(options.Key, "SensitiveData:Key");
        var path = options.KeyFile ?? throw new InvalidOperationException(
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
        var key = Convert.FromBase64String(base64);
        return key.Length == 32 ? key : throw new InvalidOperationException($"The household data key in {source} must be 32 bytes.");
    }

    /// <summary>With the embedded database the key file sits beside the cluster, never inside it.</summary>
    public static string DefaultKeyFile => AppDataDirectory.PathOf("household-data.key");
}
