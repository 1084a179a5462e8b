using System.Globalization;
using AidMarket.Domain.Common;

namespace AidMarket.Domain.Producers;

/// <summary>居民身份证号码 (GB 11643-1999): 17 digits with a valid birth date, then a check character (0-9 or X).</summary>
public readonly record struct ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ChineseIdNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The last four characters: the household's second factor on its statement page.</summary>
    public string LastFour => Value[^4..];

    /// <summary>Shown to everyone but the officers of the household's county: 451029**********1X → 451***********123X.</summary>
    public string Masked => Value[..3] + new string('*', 11) + Value[^4..];

    public override string ToString() => Masked;

    public static bool TryParse(string? input, out ChineseIdNumber id)
    {
        id = default;
        var value = (input ?? "").Trim().ToUpperInvariant();
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit)) return false;
        if (!DateOnly.TryParseExact(value[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900) return false;
        if (value[17] != CheckCharacter(value)) return false;
        id = new ChineseIdNumber(value);
        return true;
    }

    public static ChineseIdNumber Parse(string? input) =>
        TryParse(input, out var id)
            ? id
            : throw new DomainException("IdNumber.Invalid", "The ID number is not valid: 18 characters, a real birth date and a matching check character.");

    /// <summary>Completes 17 digits with their check character (demo data and tests).</summary>
    public static ChineseIdNumber FromFirst17(string first17) => Parse(first17 + CheckCharacter(first17));

    internal static char CheckCharacter(string value)
    {
        var sum = 0;
        for (int i = 0; i < 17; i++) sum += (value[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
