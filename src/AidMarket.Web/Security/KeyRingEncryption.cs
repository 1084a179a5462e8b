using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Security;

/// <summary>
/// Encrypts the Data Protection keys before they are stored in PostgreSQL, under a key derived from the household-data
/// key, so a database dump cannot forge login cookies (decision note 023). Keys stored in plaintext earlier are still read.
/// </summary>
public static class KeyRingEncryption
{
    public const string ElementName = "aidmarketEncryptedSecret";

    public static IDataProtectionBuilder ProtectKeysWithHouseholdKey(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(services)));
        return builder;
    }
}

/// <summary>Resolves the key only when a key is written, so building the pipeline never reads it (Program.cs checks it first).</summary>
public sealed class AesGcmXmlEncryptor(IServiceProvider services) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(KeyRingEncryption.ElementName,
            new XAttribute("version", 1),
            new XComment(" AES-256-GCM under a key derived from SensitiveData:Key (docs/decisions/023) "),
            new XElement("value", Convert.ToBase64String(services.GetRequiredService<SensitiveData>().KeyRing.Seal(plain))));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Created by Data Protection from the type name stored with each key, hence the IServiceProvider constructor.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value
            ?? throw new FormatException($"<{KeyRingEncryption.ElementName}> has no <value>.");
        var plain = services.GetRequiredService<SensitiveData>().KeyRing.Open(Convert.FromBase64String(value));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
