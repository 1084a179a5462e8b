using AidMarket.Domain.Common;

namespace AidMarket.Domain.Catalog;

public enum QualityLabelKind { GreenFood, Organic, GeographicalIndication, ComplianceCertificate }

public enum CertificationStatus { Draft, Pending, Certified, Rejected, Revoked, Expired }

/// <summary>A bulk price that applies from <see cref="MinQuantity"/> units upward.</summary>
public sealed record TierPrice(int MinQuantity, Money UnitPrice);

public sealed record QualityLabel(QualityLabelKind Kind, string CertificateNumber, DateOnly ExpiresOn);

/// <summary>An uploaded picture, stored outside the web root under <see cref="FileName"/>.</summary>
public sealed record ProductImage(string FileName, string ContentType, long Length);

public sealed record ProductDetails(
    string NameZh, string? NameEn, string Category, string Description, string ProductionBase, string Unit, string PackSize,
    int MinOrderQuantity, int Stock, IReadOnlyList<TierPrice> Tiers, IReadOnlyList<QualityLabel> Labels);

/// <summary>A supplier's product and its county certification (帮扶产品认定).</summary>
public class Product
{
    public static readonly TimeSpan DefaultCertificateTerm = TimeSpan.FromDays(730);
    public const int ExpiryWarningDays = 30;
    public const int MaxImages = 6;

    // Not readonly: the data layer sets them when it reads a product.
    private List<TierPrice> _tiers = [];
    private List<QualityLabel> _labels = [];
    private List<ProductImage> _images = [];

    private Product() { NameZh = Category = Unit = Description = ProductionBase = PackSize = CountyCode = ""; }

    public Product(Guid supplierId, string countyCode, ProductDetails details, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        CountyCode = countyCode;
        CreatedAt = now;
        CertificationStatus = CertificationStatus.Draft;
        Update(details);
    }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    /// <summary>Origin county: the supplier's.</summary>
    public string CountyCode { get; private set; }
    public string NameZh { get; private set; }
    public string? NameEn { get; private set; }
    public string Category { get; private set; }
    public string Description { get; private set; }
    /// <summary>生产基地: where it is grown or made.</summary>
    public string ProductionBase { get; private set; }
    public string Unit { get; private set; }
    public string PackSize { get; private set; }
    public int MinOrderQuantity { get; private set; }
    public int Stock { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<TierPrice> TierPrices => _tiers;
    public IReadOnlyList<QualityLabel> QualityLabels => _labels;
    public IReadOnlyList<ProductImage> Images => _images;

    public CertificationStatus CertificationStatus { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateOnly? CertifiedOn { get; private set; }
    public DateOnly? CertificateExpiresOn { get; private set; }
    public string? CertificationReason { get; private set; }
    public DateTimeOffset? AppliedAt { get; private set; }
    public DateTimeOffset? ExpiryWarnedAt { get; private set; }

    /// <summary>The first tier's unit price, kept as a column so the storefront can sort by price.</summary>
    public Money BasePrice { get; private set; }

    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameZh;

    /// <summary>The unit price for an order of <paramref name="quantity"/> units: the highest breakpoint reached.</summary>
    public Money PriceFor(int quantity) => PriceFor(_tiers, quantity);

    /// <summary>The unit price of the highest tier the quantity reaches (the first tier below all of them).</summary>
    public static Money PriceFor(IReadOnlyList<TierPrice> tiers, int quantity) => (tiers.LastOrDefault(t => t.MinQuantity <= quantity) ?? tiers[0]).UnitPrice;

    public void Update(ProductDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.NameZh)) throw new DomainException("Product.NameRequired", "A product needs a Chinese name.");
        if (string.IsNullOrWhiteSpace(d.Category)) throw new DomainException("Product.CategoryRequired", "Choose a category.");
        if (string.IsNullOrWhiteSpace(d.Unit)) throw new DomainException("Product.UnitRequired", "Enter the unit it is sold by.");
        if (d.MinOrderQuantity < 1) throw new DomainException("Product.MinOrder", "The minimum order is at least one unit.");
        if (d.Stock < 0) throw new DomainException("Product.Stock", "Stock cannot be negative.");
        TierPricesMustAscend.Check(d.Tiers, d.MinOrderQuantity);
        if (d.Labels.Any(l => string.IsNullOrWhiteSpace(l.CertificateNumber)))
            throw new DomainException("Product.LabelCertificate", "A quality label needs its certificate number.");
        if (d.Labels.GroupBy(l => l.Kind).Any(g => g.Count() > 1))
            throw new DomainException("Product.LabelTwice", "Each quality label can be given once.");
        NameZh = d.NameZh.Trim();
        NameEn = string.IsNullOrWhiteSpace(d.NameEn) ? null : d.NameEn.Trim();
        Category = d.Category.Trim();
        Description = d.Description.Trim();
        ProductionBase = d.ProductionBase.Trim();
        Unit = d.Unit.Trim();
        PackSize = d.PackSize.Trim();
        MinOrderQuantity = d.MinOrderQuantity;
        Stock = d.Stock;
        _tiers.Clear();
        _tiers.AddRange(d.Tiers);
        BasePrice = d.Tiers[0].UnitPrice;
        _labels.Clear();
        _labels.AddRange(d.Labels.Select(l => l with { CertificateNumber = l.CertificateNumber.Trim() }));
    }

    public void AddImage(ProductImage image)
    {
        if (_images.Count >= MaxImages) throw new DomainException("Product.TooManyImages", $"A product has at most {MaxImages} images.");
        _images.Add(image);
    }

    public ProductImage RemoveImage(string fileName)
    {
        var image = _images.SingleOrDefault(i => i.FileName == fileName) ?? throw new DomainException("Product.NoSuchImage", "There is no such image.");
        _images.Remove(image);
        return image;
    }

    /// <summary>The supplier asks its county to certify this product (again, after a rejection, revocation or expiry).</summary>
    public void ApplyForCertification(DateTimeOffset now)
    {
        if (CertificationStatus is CertificationStatus.Pending or CertificationStatus.Certified)
            throw new DomainException("Certification.CannotApply", "This product is already certified or waiting for review.");
        CertificationStatus = CertificationStatus.Pending;
        CertificationReason = null;
        AppliedAt = now;
    }

    public void Certify(string certificateNumber, DateOnly issuedOn, DateOnly expiresOn)
    {
        if (CertificationStatus != CertificationStatus.Pending)
            throw new DomainException("Certification.NotPending", "Only a product waiting for review can be certified or rejected.");
        if (expiresOn <= issuedOn)
            throw new DomainException("Certification.Dates", "A certificate must expire after it is issued.");
        CertificationStatus = CertificationStatus.Certified;
        CertificateNumber = certificateNumber;
        CertifiedOn = issuedOn;
        CertificateExpiresOn = expiresOn;
        CertificationReason = null;
        ExpiryWarnedAt = null;
    }

    public void RejectCertification(string reason)
    {
        if (CertificationStatus != CertificationStatus.Pending)
            throw new DomainException("Certification.NotPending", "Only a product waiting for review can be certified or rejected.");
        var why = Producers.Supplier.RequireReason(reason);
        CertificationStatus = CertificationStatus.Rejected;
        CertificationReason = why;
    }

    public void Revoke(string reason)
    {
        if (CertificationStatus != CertificationStatus.Certified)
            throw new DomainException("Certification.NotCertified", "Only a certified product can be revoked.");
        var why = Producers.Supplier.RequireReason(reason);
        CertificationStatus = CertificationStatus.Revoked;
        CertificationReason = why;
    }

    /// <summary>Marks the certificate expired once its date has come; true when this call changed it.</summary>
    public bool ExpireIfDue(DateOnly today)
    {
        if (CertificationStatus != CertificationStatus.Certified || CertificateExpiresOn > today) return false;
        CertificationStatus = CertificationStatus.Expired;
        return true;
    }

    public bool NeedsExpiryWarning(DateOnly today) =>
        CertificationStatus == CertificationStatus.Certified && ExpiryWarnedAt is null
        && CertificateExpiresOn <= today.AddDays(ExpiryWarningDays) && CertificateExpiresOn > today;

    public void MarkExpiryWarned(DateTimeOffset now) => ExpiryWarnedAt = now;

    public bool IsCertifiedOn(DateOnly today) =>
        CertificationStatus == CertificationStatus.Certified && CertificateExpiresOn > today;

    /// <summary>
    /// On sale on <paramref name="day"/>: certified, the certificate not expired that day, the supplier approved. The storefront
    /// and placement restate it in LINQ and SQL (StorefrontQuery.OnSale, OnSaleSql); a test checks the three agree.
    /// </summary>
    public bool IsOnSaleOn(DateOnly day, Producers.SupplierStatus supplier) => IsCertifiedOn(day) && supplier == Producers.SupplierStatus.Approved;

    /// <summary>Orders are taken only for certified, unexpired products (the supplier's approval is checked beside it).</summary>
    public void EnsureOrderable(DateOnly today)
    {
        if (!IsCertifiedOn(today))
            throw new DomainException("Product.NotCertified", "This product is not certified for consumption assistance now and cannot be ordered.");
    }
}

public static class TierPricesMustAscend
{
    public static void Check(IReadOnlyList<TierPrice> tiers, int minOrderQuantity)
    {
        if (tiers.Count == 0)
            throw new DomainException("Product.PriceRequired", "A product needs at least one price.");
        if (tiers.Any(t => t.UnitPrice <= Money.Zero))
            throw new DomainException("Product.PricePositive", "A price must be greater than zero.");
        if (tiers[0].MinQuantity != minOrderQuantity)
            throw new DomainException("Product.FirstTier", "The first price tier starts at the minimum order quantity.");
        for (int i = 1; i < tiers.Count; i++)
            if (tiers[i].MinQuantity <= tiers[i - 1].MinQuantity || tiers[i].UnitPrice > tiers[i - 1].UnitPrice)
                throw new DomainException("Product.TiersOrder", "Quantity breakpoints must rise and prices must not.");
    }
}

/// <summary>帮扶产品认定 certificate numbers: county code, year, sequence within the county and year (451029-2026-0007).</summary>
public static class CertificateNumber
{
    public static string Format(string countyCode, int year, int sequence) => $"{countyCode}-{year}-{sequence:D4}";
}
