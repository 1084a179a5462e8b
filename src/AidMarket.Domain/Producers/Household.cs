using System.Security.Cryptography;
using AidMarket.Domain.Common;

namespace AidMarket.Domain.Producers;

public enum HouseholdStatus { Registered, Monitored, Edge }

/// <summary>
/// A personal value sealed by the application before it reaches the database: the ciphertext, an optional
/// keyed lookup hash (to find duplicates without decrypting) and the masked form shown to most users.
/// </summary>
public sealed record SealedValue(byte[] Cipher, string? Lookup, string Masked);

public sealed record HouseholdDetails(
    string HeadName, SealedValue IdNumber, string Village, int Size, HouseholdStatus Status, Money BaselineIncome, SealedValue? PayoutAccount)
{
    public HouseholdDetails Validated()
    {
        if (string.IsNullOrWhiteSpace(HeadName)) throw new DomainException("Household.NameRequired", "Enter the head of household's name.");
        if (string.IsNullOrWhiteSpace(Village)) throw new DomainException("Household.VillageRequired", "Enter the village.");
        if (Size is < 1 or > 30) throw new DomainException("Household.Size", "A household has between 1 and 30 members.");
        if (BaselineIncome < Money.Zero) throw new DomainException("Household.Income", "The declared income cannot be negative.");
        return this with { HeadName = HeadName.Trim(), Village = Village.Trim() };
    }
}

/// <summary>A registered (建档立卡) household of a county, maintained by its county officers.</summary>
public class Household
{
    private Household() { CountyCode = HeadName = Village = CardCode = IdNumberLookup = IdNumberMasked = ""; IdNumberCipher = []; }

    public Household(string countyCode, HouseholdDetails details, string cardCode, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        CountyCode = countyCode;
        CardCode = cardCode;
        CreatedAt = now;
        Update(details, now);
    }

    public Guid Id { get; private set; }
    public string CountyCode { get; private set; }
    public string HeadName { get; private set; }
    public byte[] IdNumberCipher { get; private set; }
    public string IdNumberLookup { get; private set; }
    public string IdNumberMasked { get; private set; }
    public string Village { get; private set; }
    public int Size { get; private set; }
    public HouseholdStatus Status { get; private set; }
    /// <summary>Declared annual income before assistance.</summary>
    public Money BaselineIncome { get; private set; }
    public byte[]? PayoutAccountCipher { get; private set; }
    public string? PayoutAccountMasked { get; private set; }
    /// <summary>明白卡 code printed for the household to look up its statement.</summary>
    public string CardCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(HouseholdDetails details, DateTimeOffset now)
    {
        var d = details.Validated();
        HeadName = d.HeadName;
        IdNumberCipher = d.IdNumber.Cipher;
        IdNumberLookup = d.IdNumber.Lookup ?? throw new ArgumentException("An ID number needs its lookup hash.", nameof(details));
        IdNumberMasked = d.IdNumber.Masked;
        Village = d.Village;
        Size = d.Size;
        Status = d.Status;
        BaselineIncome = d.BaselineIncome;
        PayoutAccountCipher = d.PayoutAccount?.Cipher;
        PayoutAccountMasked = d.PayoutAccount?.Masked;
        UpdatedAt = now;
    }

    /// <summary>What an audit entry records of this household: never the full ID number or account.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => new Dictionary<string, string?>
    {
        ["HeadName"] = HeadName, ["IdNumber"] = IdNumberMasked, ["Village"] = Village, ["Size"] = Size.ToString(),
        ["Status"] = Status.ToString(), ["BaselineIncome"] = BaselineIncome.ToString(), ["PayoutAccount"] = PayoutAccountMasked,
    };

    /// <summary>The 明白卡 alphabet: no look-alikes (0/O, 1/I), so a code read off a printed card is typed right.</summary>
    private const string CardCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int CardCodeLength = 12;

    /// <summary>A new 明白卡 code: random, so one household's code does not lead to another's statement.</summary>
    public static string NewCardCode() => RandomNumberGenerator.GetString(CardCodeAlphabet, CardCodeLength);

    /// <summary>Public pages never show a full name: 张三丰 → 张**.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);

    /// <summary>An account number shown by its last four digits.</summary>
    public static string MaskAccount(string account) =>
        account.Length <= 4 ? new string('*', account.Length) : new string('*', account.Length - 4) + account[^4..];
}
