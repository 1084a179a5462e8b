namespace AidMarket.Domain.Common;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
public readonly record struct UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool IsValid(string? input) => TryParse(input, out _);

    public static bool TryParse(string? input, out UnifiedSocialCreditCode code)
    {
        code = default;
        var value = (input ?? "").Trim().ToUpperInvariant();
        if (value.Length != 18 || value.Any(c => Alphabet.IndexOf(c) < 0)) return false;
        if (!value[2..8].All(char.IsAsciiDigit)) return false; // the administrative division code
        if (value[17] != CheckCharacter(value)) return false;
        code = new UnifiedSocialCreditCode(value);
        return true;
    }

    public static UnifiedSocialCreditCode Parse(string? input) =>
        TryParse(input, out var code)
            ? code
            : throw new DomainException("CreditCode.Invalid", "The unified social credit code is not valid: it has 18 characters and its last one is a check character.");

    /// <summary>Completes 17 characters with their check character (demo data and tests).</summary>
    public static UnifiedSocialCreditCode FromFirst17(string first17) => Parse(first17 + CheckCharacter(first17.ToUpperInvariant()));

    internal static char CheckCharacter(string code)
    {
        var sum = 0;
        for (int i = 0; i < 17; i++) sum += Alphabet.IndexOf(code[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
