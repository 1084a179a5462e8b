using AidMarket.Domain.Common;

namespace AidMarket.Domain.Catalog;

public enum QualityLabelKind { GreenFood, Organic, GeographicalIndication, ComplianceCertificate }

public enum CertificationStatus { Pending, Certified, Rejected, Revoked, Expired }

/// <summary>A bulk price that applies from <see cref="MinQuantity"/> units upward.</summary>
public sealed record TierPrice(int MinQuantity, long UnitPriceFen)
{
    public Money UnitPrice => new(UnitPriceFen);
}

public sealed record QualityLabel(QualityLabelKind Kind, string CertificateNumber, DateOnly ExpiresOn);

public class Product
{
    private readonly List<TierPrice> _tiers = [];
    private readonly List<QualityLabel> _labels = [];

    private Product() { NameZh = Category = Unit = Description = ""; }

    public Product(Guid supplierId, string countyCode, string nameZh, string? nameEn, string category, string unit,
        string description, int minOrderQuantity, int stock, IEnumerable<TierPrice> tiers)
    {
        if (string.IsNullOrWhiteSpace(nameZh)) throw new DomainException("Product.NameRequired", "A product needs a Chinese name.");
        if (minOrderQuantity < 1) throw new DomainException("Product.MinOrder", "The minimum order is at least one unit.");
        if (stock < 0) throw new DomainException("Product.Stock", "Stock cannot be negative.");
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        CountyCode = countyCode;
        NameZh = nameZh;
        NameEn = nameEn;
        Category = category;
        Unit = unit;
        Description = description;
        MinOrderQuantity = minOrderQuantity;
        Stock = stock;
        CreatedAt = DateTimeOffset.UtcNow;
        SetTierPrices(tiers);
    }

    public Guid Id { get; private set; }
    public Guid SupplierId { get; private set; }
    public string CountyCode { get; private set; } = "";
    public string NameZh { get; private set; }
    public string? NameEn { get; private set; }
    public string Category { get; private set; }
    public string Unit { get; private set; }
    public string Description { get; private set; }
    public int MinOrderQuantity { get; private set; }
    public int Stock { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<TierPrice> TierPrices => _tiers;
    public IReadOnlyList<QualityLabel> QualityLabels => _labels;

    public CertificationStatus CertificationStatus { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateOnly? CertifiedOn { get; private set; }
    public DateOnly? CertificateExpiresOn { get; private set; }

    public Money BasePrice => _tiers[0].UnitPrice;

    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameZh;

    /// <summary>The unit price for an order of <paramref name="quantity"/> units: the highest breakpoint reached.</summary>
    public Money PriceFor(int quantity) => (_tiers.LastOrDefault(t => t.MinQuantity <= quantity) ?? _tiers[0]).UnitPrice;

    public void SetTierPrices(IEnumerable<TierPrice> tiers)
    {
        var list = tiers.ToList();
        TierPricesMustAscend.Check(list, MinOrderQuantity);
        _tiers.Clear();
        _tiers.AddRange(list);
    }

    public void AddQualityLabel(QualityLabel label) => _labels.Add(label);

    public void Certify(string certificateNumber, DateOnly issuedOn, DateOnly expiresOn)
    {
        if (CertificationStatus is not (CertificationStatus.Pending or CertificationStatus.Expired))
            throw new DomainException("Certification.CannotCertify", "Only a pending or expired product can be certified.");
        if (expiresOn <= issuedOn)
            throw new DomainException("Certification.Dates", "A certificate must expire after it is issued.");
        CertificationStatus = CertificationStatus.Certified;
        CertificateNumber = certificateNumber;
        CertifiedOn = issuedOn;
        CertificateExpiresOn = expiresOn;
    }

    public bool IsOnSale(DateOnly today) =>
        CertificationStatus == CertificationStatus.Certified && CertificateExpiresOn > today;
}

public static class TierPricesMustAscend
{
    public static void Check(IReadOnlyList<TierPrice> tiers, int minOrderQuantity)
    {
        if (tiers.Count == 0)
            throw new DomainException("Product.PriceRequired", "A product needs at least one price.");
        if (tiers.Any(t => t.UnitPriceFen <= 0))
            throw new DomainException("Product.PricePositive", "A price must be greater than zero.");
        if (tiers[0].MinQuantity != minOrderQuantity)
            throw new DomainException("Product.FirstTier", "The first price tier starts at the minimum order quantity.");
        for (int i = 1; i < tiers.Count; i++)
            if (tiers[i].MinQuantity <= tiers[i - 1].MinQuantity || tiers[i].UnitPriceFen > tiers[i - 1].UnitPriceFen)
                throw new DomainException("Product.TiersOrder", "Quantity breakpoints must rise and prices must not.");
    }
}
