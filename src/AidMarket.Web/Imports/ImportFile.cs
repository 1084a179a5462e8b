using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace AidMarket.Web.Imports;

/// <summary>Reads an uploaded CSV or XLSX sheet into rows keyed by header, and writes templates.</summary>
public static class ImportFile
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxRows = 50_000;

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<List<Dictionary<string, string>>> ReadAsync(Stream upload, string fileName, long length, CancellationToken ct)
    {
        if (length <= 0) throw new DomainException("Import.Empty", "The file is empty.");
        if (length > MaxBytes) throw new DomainException("Import.TooLarge", "An import file may be at most 20 MB.");
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var rows = extension switch
        {
            ".xlsx" => ReadXlsx(buffer),
            ".csv" or ".txt" => ReadCsv(buffer.ToArray()),
            _ => throw new DomainException("Import.Format", "Upload a .xlsx or .csv file."),
        };
        if (rows.Count == 0) throw new DomainException("Import.NoRows", "The file has a header but no rows.");
        if (rows.Count > MaxRows) throw new DomainException("Import.TooManyRows", $"An import may have at most {MaxRows} rows.");
        return rows;
    }

    private static List<Dictionary<string, string>> ReadXlsx(Stream stream)
    {
        try
        {
            return MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(row => row.ToDictionary(kv => kv.Key.Trim(), kv => Cell(kv.Value)))
                .Where(row => row.Values.Any(v => v.Length > 0))
                .ToList();
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            throw new DomainException("Import.Unreadable", "The file could not be read as an Excel workbook.");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.############", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString()!.Trim(),
    };

    /// <summary>UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB18030, as Excel in China saves CSV.</summary>
    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { text = Encoding.GetEncoding("GB18030").GetString(bytes); }
        text = text.TrimStart('\uFEFF');
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null, DetectDelimiter = true,
        });
        if (!csv.Read() || !csv.ReadHeader()) return [];
        var headers = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>();
            for (int i = 0; i < headers.Length; i++) row[headers[i]] = csv.GetField(i) ?? "";
            if (row.Values.Any(v => v.Length > 0)) rows.Add(row);
        }
        return rows;
    }

    public static byte[] Template(IReadOnlyList<ImportColumn> columns, IReadOnlyDictionary<string, string> example, string format)
    {
        var header = columns.Select(c => c.Header).ToList();
        if (format == "csv")
        {
            var sb = new StringBuilder();
            sb.AppendLine(string.Join(',', header));
            sb.AppendLine(string.Join(',', columns.Select(c => Quote(example.GetValueOrDefault(c.Key, "")))));
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
        }
        var row = new Dictionary<string, object>();
        foreach (var c in columns) row[c.Header] = example.GetValueOrDefault(c.Key, "");
        using var output = new MemoryStream();
        output.SaveAs(new[] { row }, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

/// <summary>A column of an import sheet: its Chinese header (used in templates), the English header also accepted, and whether it must be filled.</summary>
public sealed record ImportColumn(string Key, string Header, string EnglishHeader, bool Required);

/// <summary>One sheet row with the errors found in it, addressed by column key.</summary>
public sealed class ImportRow(int number, IReadOnlyDictionary<string, string> cells, IReadOnlyList<ImportColumn> columns, List<ImportError> errors)
{
    public int Number => number;

    public string Text(string key)
    {
        var column = columns.Single(c => c.Key == key);
        var value = (cells.GetValueOrDefault(column.Header) ?? cells.GetValueOrDefault(column.EnglishHeader) ?? "").Trim();
        if (value.Length == 0 && column.Required) Error(key, "Import.Required");
        return value;
    }

    public int? Int(string key, int min, int max)
    {
        var text = Text(key);
        if (text.Length == 0) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(key, "Import.IntRange", min.ToString(), max.ToString());
            return null;
        }
        return value;
    }

    public decimal? Decimal(string key, decimal min)
    {
        var text = Text(key).Replace(",", "").Replace("¥", "");
        if (text.Length == 0) return null;
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            Error(key, "Import.NumberMin", min.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        return value;
    }

    public void Error(string key, string messageKey, params string[] arguments) =>
        errors.Add(new ImportError(number, columns.Single(c => c.Key == key).Header, messageKey, arguments));
}
