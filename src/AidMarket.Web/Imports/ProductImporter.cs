using System.Globalization;
using AidMarket.Domain.Catalog;
using AidMarket.Web.Catalog;

namespace AidMarket.Web.Imports;

/// <summary>An approved supplier imports products as drafts; certification is then applied for product by product.</summary>
public sealed class ProductImporter : Importer<ProductDetails>
{
    public override ImportKind Kind => ImportKind.Products;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("NameZh", "中文名称", "Chinese name", true),
        new("NameEn", "英文名称", "English name", false),
        new("Category", "品类", "Category", true),
        new("Unit", "单位", "Unit", true),
        new("PackSize", "包装规格", "Pack size", false),
        new("ProductionBase", "生产基地", "Production base", false),
        new("MinOrder", "起订量", "Minimum order", true),
        new("Stock", "库存", "Stock", true),
        new("Tiers", "价格分档", "Price tiers", true),
        new("Description", "描述", "Description", false),
    ];

    public override IReadOnlyDictionary<string, string> Example { get; } = new Dictionary<string, string>
    {
        ["NameZh"] = "八渡笋干", ["NameEn"] = "Badu dried bamboo shoots", ["Category"] = "山珍干货", ["Unit"] = "kg", ["PackSize"] = "500克/袋",
        ["ProductionBase"] = "八渡村", ["MinOrder"] = "20", ["Stock"] = "1000", ["Tiers"] = "20:56.00;100:52.00", ["Description"] = "传统工艺晒制",
    };

    protected override ProductDetails? Parse(ImportRow row, ImportContext context)
    {
        var name = row.Text("NameZh");
        var nameEn = row.Text("NameEn");
        var category = row.Text("Category");
        var unit = row.Text("Unit");
        var minOrder = row.Int("MinOrder", 1, 1_000_000);
        var stock = row.Int("Stock", 0, 100_000_000);
        var tiersText = row.Text("Tiers");
        if (category.Length > 0 && !ProductChoices.Categories.Contains(category)) row.Error("Category", "Import.Category", string.Join("、", ProductChoices.Categories));
        if (unit.Length > 0 && !ProductChoices.Units.Contains(unit)) row.Error("Unit", "Import.Unit", string.Join("、", ProductChoices.Units));
        if (name.Length == 0 || category.Length == 0 || unit.Length == 0 || minOrder is null || stock is null || tiersText.Length == 0) return null;
        if (ParseTiers(tiersText, minOrder.Value) is not { } tiers)
        {
            row.Error("Tiers", "Import.Tiers");
            return null;
        }
        var details = new ProductDetails(name, nameEn, category, row.Text("Description"), row.Text("ProductionBase"), unit, row.Text("PackSize"),
            minOrder.Value, stock.Value, tiers, []);
        try
        {
            _ = new Product(Guid.Empty, "", details, DateTimeOffset.UtcNow); // the product's own rules
            return details;
        }
        catch (DomainException ex)
        {
            row.Error(ex.Code.StartsWith("Product.Min") ? "MinOrder" : ex.Code == "Product.Stock" ? "Stock" : "Tiers", "Error." + ex.Code);
            return null;
        }
    }

    /// <summary>"12.50" (one price from the minimum order) or "10:12.50;100:11.80" (quantity:price pairs).</summary>
    internal static List<TierPrice>? ParseTiers(string text, int minOrder)
    {
        var tiers = new List<TierPrice>();
        foreach (var part in text.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split([':', '：']);
            if (pair.Length == 1 && tiers.Count == 0 && decimal.TryParse(pair[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var only))
                tiers.Add(new TierPrice(minOrder, Money.FromYuan(only)));
            else if (pair.Length == 2 && int.TryParse(pair[0].Trim(), out var qty)
                     && decimal.TryParse(pair[1].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
                tiers.Add(new TierPrice(qty, Money.FromYuan(price)));
            else return null;
        }
        return tiers.Count > 0 ? tiers : null;
    }

    protected override void Add(AidMarketDbContext db, ProductDetails item, ImportContext context, DateTimeOffset now) =>
        db.Products.Add(new Product(context.SupplierId!.Value, context.CountyCode!, item, now));
}
