using AidMarket.Domain.Procurement;
using AidMarket.Web.Catalog;
using AidMarket.Web.Imports;

namespace AidMarket.Web.Procurement;

/// <summary>
/// An order sheet (订货单): product code (the certificate number on the storefront) and quantity per row. Every row is
/// quoted (LineQuote) as the cart would; rows are added to the cart only when all are good.
/// </summary>
public static class OrderSheet
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("Code", "产品编号（认定证书编号）", "Product code", true),
        new("Quantity", "数量", "Quantity", true),
        new("Name", "产品名称（可不填）", "Product name (optional)", false),
    ];

    public static readonly IReadOnlyDictionary<string, string> Example = new Dictionary<string, string>
    {
        ["Code"] = "451029-2026-0001", ["Quantity"] = "50", ["Name"] = "田林姬松茸干品",
    };

    public static async Task<(List<(Guid ProductId, int Quantity)> Lines, List<ImportError> Errors)> CheckAsync(AidMarketDbContext db,
        IReadOnlyList<Dictionary<string, string>> rows, DateOnly today, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var parsed = new List<(ImportRow Row, string Code, int Quantity)>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = new ImportRow(i + 2, rows[i], Columns, errors);
            var code = row.Text("Code");
            var quantity = row.Int("Quantity", 1, 1_000_000);
            if (code.Length > 0 && quantity is { } q) parsed.Add((row, code.ToUpperInvariant(), q));
        }
        var codes = parsed.Select(p => p.Code).Distinct().ToList();
        var onSale = await StorefrontQuery.OnSale(db, today).Where(r => codes.Contains(r.Product.CertificateNumber!))
            .ToDictionaryAsync(r => r.Product.CertificateNumber!, ct);
        var seen = new Dictionary<string, int>();
        foreach (var (row, code, quantity) in parsed)
        {
            if (!seen.TryAdd(code, row.Number)) row.Error("Code", "Import.DuplicateCode", seen[code].ToString());
            else if (LineQuote.For(onSale.TryGetValue(code, out var found) ? Offer.Of(found.Product) : null, quantity) is { Problem: { } problem } quote)
            {
                if (problem == QuoteProblem.NotOnSale) row.Error("Code", "Import.ProductNotOnSale");
                else row.Error("Quantity", quote.Shown.Key!, quote.Shown.Arguments.Select(a => a.ToString()!).ToArray());
            }
        }
        return (errors.Count == 0 ? parsed.Select(p => (onSale[p.Code].Product.Id, p.Quantity)).ToList() : [], errors);
    }
}
