using System.Globalization;
using System.Text;

namespace AidMarket.Web.Payments;

/// <summary>
/// Payment files for the bank or 惠农一卡通: CSV in UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends,
/// amounts in yuan with two decimals computed from integer fen.
/// </summary>
public static class PaymentFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>12345 fen → "123.45", exactly.</summary>
    public static string Yuan(Money amount) => amount.Yuan.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Field(string value)
    {
        // A cell starting like a formula is kept as text when a spreadsheet opens the file.
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !decimal.TryParse(value, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
