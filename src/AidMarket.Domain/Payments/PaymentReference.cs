using System.Globalization;
using System.Text;
using AidMarket.Domain.Common;

namespace AidMarket.Domain.Payments;

/// <summary>
/// 付款识别码: what a buyer writes in the memo of a bank transfer. "AM", eight digits from a sequence and two check digits
/// (ISO 7064 MOD 97-10, as in IBAN), so a mistyped digit or two swapped digits in a bank memo are caught, not matched to another invoice.
/// </summary>
public readonly record struct PaymentReference
{
    private const string Prefix = "AM";
    public const long MaxSequence = 99_999_999;

    private PaymentReference(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static PaymentReference FromSequence(long sequence)
    {
        if (sequence is < 1 or > MaxSequence)
            throw new DomainException("PaymentReference.Sequence", "The payment reference sequence has run out or is not positive.");
        var digits = sequence.ToString("D8", CultureInfo.InvariantCulture);
        return new PaymentReference(Prefix + digits + (98 - Mod97(digits + "00")).ToString("D2", CultureInfo.InvariantCulture));
    }

    /// <summary>The whole text is one reference, ignoring case, spaces, hyphens and full-width characters.</summary>
    public static bool TryParse(string? text, out PaymentReference reference)
    {
        reference = default;
        var compact = Compact(text);
        return compact.Length == 12 && TryExact(compact, out reference);
    }

    /// <summary>
    /// Finds the reference in free bank memo text ("货款 am 1234-5678 90 谢谢"). False when there is none, or more than one
    /// different valid reference (a person must decide).
    /// </summary>
    public static bool TryFind(string? text, out PaymentReference reference)
    {
        reference = default;
        var compact = Compact(text);
        var found = new HashSet<PaymentReference>();
        for (var at = compact.IndexOf(Prefix, StringComparison.Ordinal); at >= 0 && at + 12 <= compact.Length;
             at = compact.IndexOf(Prefix, at + 1, StringComparison.Ordinal))
            if (TryExact(compact.Substring(at, 12), out var candidate)) found.Add(candidate);
        if (found.Count != 1) return false;
        reference = found.Single();
        return true;
    }

    private static bool TryExact(string candidate, out PaymentReference reference)
    {
        reference = default;
        var digits = candidate[Prefix.Length..];
        if (!candidate.StartsWith(Prefix, StringComparison.Ordinal) || digits.Length != 10 || !digits.All(char.IsAsciiDigit) || Mod97(digits) != 1
            || digits[..8] == "00000000") return false;
        reference = new PaymentReference(candidate);
        return true;
    }

    /// <summary>The letters count as in IBAN (A = 10 … M = 22), so the prefix is covered by the check digits too.</summary>
    private static int Mod97(string digits)
    {
        var remainder = 0;
        foreach (var c in "1022" + digits) remainder = (remainder * 10 + (c - '0')) % 97;
        return remainder;
    }

    private static string Compact(string? text)
    {
        var normalized = (text ?? "").Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        return string.Concat(normalized.Where(c => !char.IsWhiteSpace(c) && c != '-'));
    }
}
