using System.Security.Cryptography;

namespace AidMarket.Web.Security;

/// <summary>AES-256-GCM with a fresh random nonce per value. Layout: version byte, 12-byte nonce, 16-byte tag, ciphertext.</summary>
public sealed class AesGcmBox(byte[] key)
{
    private const byte FormatVersion = 1;
    private const int Header = 1 + 12 + 16;

    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var output = new byte[Header + plain.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plain, output.AsSpan(Header), output.AsSpan(13, 16));
        return output;
    }

    /// <summary>Throws <see cref="CryptographicException"/> for another key, a changed byte or an unknown format.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < Header || sealedBytes[0] != FormatVersion)
            throw new CryptographicException("Unknown sealed value format.");
        var plain = new byte[sealedBytes.Length - Header];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedBytes.Slice(1, 12), sealedBytes[Header..], sealedBytes.Slice(13, 16), plain);
        return plain;
    }
}
