using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AidMarket.Domain.Common;

namespace AidMarket.Domain.Payments;

/// <summary>A row of a bank statement that could not be read; <see cref="Line"/> is the line number in the file.</summary>
public sealed record BankStatementRowError(int Line, string Code, string Message);

/// <summary>Either every transfer of the file, or the errors and no transfers: a statement is taken whole or not at all.</summary>
public sealed record BankStatementImport(IReadOnlyList<BankTransfer> Transfers, IReadOnlyList<BankStatementRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a bank statement export: date, amount in yuan, memo, slip number, with an optional header row.
/// Dates as 2026-11-20 or 2026/11/20; amounts as 1234.5 or "1,234.50" (at most two decimals, never rounded).
/// </summary>
public static partial class BankStatementCsv
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"];
    private static readonly string[] HeaderNames = ["date", "日期", "交易日期"];

    [GeneratedRegex(@"^(\d{1,3}(,\d{3}){1,4}|\d{1,15})(\.\d{1,2})?$")]
    private static partial Regex Amount();

    public static BankStatementImport Parse(string csv)
    {
        var transfers = new List<BankTransfer>();
        var errors = new List<BankStatementRowError>();
        var records = Records(csv.TrimStart('\uFEFF'), errors);
        var slips = new HashSet<string>();
        var dataRows = records.Count > 0 && HeaderNames.Contains(records[0].Cells[0].Trim().ToLowerInvariant()) ? records.Skip(1) : records;
        foreach (var (line, cells) in dataRows)
        {
            var (transfer, error) = ReadRow(line, cells);
            if (error is not null) errors.Add(error);
            else if (!slips.Add(transfer!.SlipKey))
                errors.Add(new(line, "BankStatement.SlipTwice", $"Slip {transfer.SlipNumber} appears twice in the statement."));
            else transfers.Add(transfer);
        }
        if (transfers.Count == 0 && errors.Count == 0) errors.Add(new(1, "BankStatement.Empty", "The statement has no rows."));
        return errors.Count == 0 ? new(transfers, []) : new([], errors);
    }

    private static (BankTransfer? Transfer, BankStatementRowError? Error) ReadRow(int line, IReadOnlyList<string> cells)
    {
        if (cells.Count != 4)
            return (null, new(line, "BankStatement.Columns", "Each row has four columns: date, amount, memo, slip number."));
        if (!DateOnly.TryParseExact(cells[0].Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, new(line, "BankStatement.Date", $"'{cells[0]}' is not a date like 2026-11-20."));
        var amountText = cells[1].Trim().TrimStart('¥', '￥');
        var yuan = Amount().IsMatch(amountText) ? decimal.Parse(amountText.Replace(",", ""), CultureInfo.InvariantCulture) : 0;
        if (yuan <= 0)
            return (null, new(line, "BankStatement.Amount", $"'{cells[1]}' is not an amount in yuan above zero with at most two decimals."));
        if (string.IsNullOrWhiteSpace(cells[3]))
            return (null, new(line, "BankStatement.SlipRequired", "Each row needs the bank's slip number."));
        return (new BankTransfer(date, Money.FromYuan(yuan), cells[2].Trim(), cells[3].Trim()), null);
    }

    /// <summary>RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. Blank lines are skipped.</summary>
    private static List<(int Line, List<string> Cells)> Records(string csv, List<BankStatementRowError> errors)
    {
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1;
        for (int i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when cell.ToString().Trim().Length == 0: quoted = true; cell.Clear(); any = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    EndRecord();
                    line++;
                    start = line;
                    break;
                default: cell.Append(c); any = true; break;
            }
        }
        if (quoted) errors.Add(new(start, "BankStatement.UnclosedQuote", "A quoted cell is not closed."));
        else EndRecord();
        return records;

        void EndRecord()
        {
            cells.Add(cell.ToString());
            if (any && cells.Any(x => x.Trim().Length > 0)) records.Add((start, cells));
            cells = [];
            cell.Clear();
            any = false;
        }
    }
}
