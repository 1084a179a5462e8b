using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Catalog;

namespace AidMarket.Web.Pages.SupplierDesk.Products;

/// <summary>A product as typed by its supplier: up to four price tiers and the four quality labels.</summary>
public class ProductForm
{
    public const int TierRows = 4;

    [Required(ErrorMessage = "Please enter {0}."), StringLength(200, ErrorMessage = "{0} is too long."), Display(Name = "Chinese name")]
    public string NameZh { get; set; } = "";
    [StringLength(200, ErrorMessage = "{0} is too long."), Display(Name = "English name")] public string? NameEn { get; set; }
    [Required(ErrorMessage = "Please choose {0}."), Display(Name = "Category")] public string Category { get; set; } = "";
    [StringLength(4000, ErrorMessage = "{0} is too long."), Display(Name = "Description")] public string? Description { get; set; }
    [StringLength(200, ErrorMessage = "{0} is too long."), Display(Name = "Production base")] public string? ProductionBase { get; set; }
    [Required(ErrorMessage = "Please choose {0}."), Display(Name = "Unit")] public string Unit { get; set; } = "kg";
    [StringLength(100, ErrorMessage = "{0} is too long."), Display(Name = "Pack size")] public string? PackSize { get; set; }
    [Range(1, 1_000_000, ErrorMessage = "{0} must be between {1} and {2}."), Display(Name = "Minimum order")] public int MinOrderQuantity { get; set; } = 1;
    [Range(0, 100_000_000, ErrorMessage = "{0} must be between {1} and {2}."), Display(Name = "Stock available")] public int Stock { get; set; }
    public List<TierRow> Tiers { get; set; } = Enumerable.Range(0, TierRows).Select(_ => new TierRow()).ToList();
    public List<LabelRow> Labels { get; set; } = Enum.GetValues<QualityLabelKind>().Select(k => new LabelRow { Kind = k }).ToList();

    public class TierRow
    {
        public int? MinQuantity { get; set; }
        public decimal? Price { get; set; }
    }

    public class LabelRow
    {
        public QualityLabelKind Kind { get; set; }
        public bool Selected { get; set; }
        public string? CertificateNumber { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    /// <summary>Posted forms carry only the rows that were filled: put back the empty ones before showing the form again.</summary>
    public ProductForm WithAllRows()
    {
        while (Tiers.Count < TierRows) Tiers.Add(new TierRow());
        foreach (var kind in Enum.GetValues<QualityLabelKind>().Where(k => Labels.All(l => l.Kind != k)))
            Labels.Add(new LabelRow { Kind = kind });
        Labels = Labels.OrderBy(l => l.Kind).ToList();
        return this;
    }

    public ProductDetails ToDetails()
    {
        var tiers = Tiers.Where(t => t.MinQuantity is not null || t.Price is not null)
            .Select(t => new TierPrice(t.MinQuantity ?? 0, t.Price is { } p ? Money.FromYuan(p) : Money.Zero)).ToList();
        if (Labels.Any(l => l.Selected && l.ExpiresOn is null))
            throw new DomainException("Product.LabelExpiry", "A quality label needs its expiry date.");
        var labels = Labels.Where(l => l.Selected).Select(l => new QualityLabel(l.Kind, l.CertificateNumber ?? "", l.ExpiresOn!.Value)).ToList();
        return new ProductDetails(NameZh, NameEn, Category, Description ?? "", ProductionBase ?? "", Unit, PackSize ?? "", MinOrderQuantity, Stock, tiers, labels);
    }

    public static ProductForm From(Product p)
    {
        var form = new ProductForm
        {
            NameZh = p.NameZh, NameEn = p.NameEn, Category = p.Category, Description = p.Description, ProductionBase = p.ProductionBase,
            Unit = p.Unit, PackSize = p.PackSize, MinOrderQuantity = p.MinOrderQuantity, Stock = p.Stock,
        };
        for (int i = 0; i < p.TierPrices.Count && i < TierRows; i++)
            form.Tiers[i] = new TierRow { MinQuantity = p.TierPrices[i].MinQuantity, Price = p.TierPrices[i].UnitPrice.Yuan };
        foreach (var label in p.QualityLabels)
        {
            var row = form.Labels.Single(l => l.Kind == label.Kind);
            row.Selected = true;
            row.CertificateNumber = label.CertificateNumber;
            row.ExpiresOn = label.ExpiresOn;
        }
        return form;
    }

    /// <summary>Which form field a broken product rule belongs to.</summary>
    public static string FieldFor(string code) => code switch
    {
        "Product.PriceRequired" or "Product.PricePositive" or "Product.FirstTier" or "Product.TiersOrder" => "Input.Tiers",
        "Product.LabelCertificate" or "Product.LabelTwice" or "Product.LabelExpiry" => "Input.Labels",
        "Product.MinOrder" => "Input.MinOrderQuantity",
        "Product.Stock" => "Input.Stock",
        _ => string.Empty,
    };
}
