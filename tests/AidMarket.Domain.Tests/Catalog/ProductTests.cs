using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Producers;
using Shouldly;

namespace AidMarket.Domain.Tests.Catalog;

public class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    internal static ProductDetails Details(int minOrder = 10, int stock = 100, params TierPrice[] tiers) =>
        new("田林姬松茸干品", null, "食用菌", "林下种植", "八渡村基地", "斤", "500克/袋", minOrder, stock,
            tiers.Length > 0 ? tiers : [new TierPrice(10, new Money(9800)), new TierPrice(50, new Money(9200)), new TierPrice(200, new Money(8600))], []);

    private static Product Mushrooms(params TierPrice[] tiers) => new(Guid.NewGuid(), "451029", Details(tiers: tiers), Now);

    [Theory]
    [InlineData(10, 9800)]
    [InlineData(49, 9800)]
    [InlineData(50, 9200)]
    [InlineData(199, 9200)]
    [InlineData(1000, 8600)]
    [InlineData(3, 9800)] // below the minimum order the first tier is quoted; ordering checks the minimum
    public void The_unit_price_follows_the_highest_breakpoint_reached(int quantity, long fen) =>
        Mushrooms().PriceFor(quantity).Fen.ShouldBe(fen);

    [Fact]
    public void Breakpoints_must_rise_prices_must_not_and_the_first_starts_at_the_minimum_order()
    {
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, new Money(9800)), new TierPrice(10, new Money(9000)))).Code.ShouldBe("Product.TiersOrder");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, new Money(9800)), new TierPrice(50, new Money(9900)))).Code.ShouldBe("Product.TiersOrder");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(5, new Money(9800)))).Code.ShouldBe("Product.FirstTier");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, new Money(0)))).Code.ShouldBe("Product.PricePositive");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, new Money(-100)))).Code.ShouldBe("Product.PricePositive");
    }

    [Fact]
    public void Stock_and_minimum_order_cannot_be_nonsense()
    {
        Should.Throw<DomainException>(() => new Product(Guid.NewGuid(), "451029", Details(minOrder: 0, tiers: [new TierPrice(0, new Money(100))]), Now)).Code.ShouldBe("Product.MinOrder");
        Should.Throw<DomainException>(() => new Product(Guid.NewGuid(), "451029", Details(stock: -1), Now)).Code.ShouldBe("Product.Stock");
    }

    [Fact]
    public void A_quality_label_needs_its_certificate_number_and_appears_once()
    {
        var d = Details();
        Should.Throw<DomainException>(() => new Product(Guid.NewGuid(), "451029",
            d with { Labels = [new QualityLabel(QualityLabelKind.GreenFood, " ", new DateOnly(2028, 1, 1))] }, Now)).Code.ShouldBe("Product.LabelCertificate");
        Should.Throw<DomainException>(() => new Product(Guid.NewGuid(), "451029", d with
        {
            Labels = [new QualityLabel(QualityLabelKind.GreenFood, "A1", new DateOnly(2028, 1, 1)), new QualityLabel(QualityLabelKind.GreenFood, "A2", new DateOnly(2028, 1, 1))],
        }, Now)).Code.ShouldBe("Product.LabelTwice");
    }

    [Fact]
    public void Certification_goes_draft_pending_certified_and_can_be_revoked_then_applied_for_again()
    {
        var product = Mushrooms();
        product.CertificationStatus.ShouldBe(CertificationStatus.Draft);
        Should.Throw<DomainException>(() => product.Certify("451029-2026-0001", new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1)))
            .Code.ShouldBe("Certification.NotPending");

        product.ApplyForCertification(Now);
        Should.Throw<DomainException>(() => product.ApplyForCertification(Now)).Code.ShouldBe("Certification.CannotApply");
        Should.Throw<DomainException>(() => product.Certify("x", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1))).Code.ShouldBe("Certification.Dates");
        product.Certify("451029-2026-0001", new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1));
        product.CertificationStatus.ShouldBe(CertificationStatus.Certified);

        Should.Throw<DomainException>(() => product.Revoke(" ")).Code.ShouldBe("Review.ReasonRequired");
        product.Revoke("抽检不合格");
        product.CertificationStatus.ShouldBe(CertificationStatus.Revoked);
        product.CertificationReason.ShouldBe("抽检不合格");
        product.IsCertifiedOn(new DateOnly(2026, 6, 1)).ShouldBeFalse();
        Should.Throw<DomainException>(() => product.EnsureOrderable(new DateOnly(2026, 6, 1))).Code.ShouldBe("Product.NotCertified");

        product.ApplyForCertification(Now);
        product.RejectCertification("带贫方案未落实");
        product.CertificationStatus.ShouldBe(CertificationStatus.Rejected);
        Should.Throw<DomainException>(() => product.Revoke("again")).Code.ShouldBe("Certification.NotCertified");
    }

    [Fact]
    public void A_certificate_expires_on_its_date_and_warns_thirty_days_before()
    {
        var product = Mushrooms();
        product.ApplyForCertification(Now);
        product.Certify("451029-2026-0002", new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1));

        product.NeedsExpiryWarning(new DateOnly(2027, 12, 1)).ShouldBeFalse();
        product.NeedsExpiryWarning(new DateOnly(2027, 12, 2)).ShouldBeTrue();
        product.MarkExpiryWarned(Now);
        product.NeedsExpiryWarning(new DateOnly(2027, 12, 3)).ShouldBeFalse();

        product.IsCertifiedOn(new DateOnly(2027, 12, 31)).ShouldBeTrue();
        product.ExpireIfDue(new DateOnly(2027, 12, 31)).ShouldBeFalse();
        product.IsCertifiedOn(new DateOnly(2028, 1, 1)).ShouldBeFalse(); // off sale on the date even before the job runs
        product.IsOnSaleOn(new DateOnly(2027, 12, 31), SupplierStatus.Approved).ShouldBeTrue();
        product.IsOnSaleOn(new DateOnly(2027, 12, 31), SupplierStatus.Suspended).ShouldBeFalse(); // a suspended supplier sells nothing
        product.IsOnSaleOn(new DateOnly(2028, 1, 1), SupplierStatus.Approved).ShouldBeFalse();
        product.ExpireIfDue(new DateOnly(2028, 1, 1)).ShouldBeTrue();
        product.ExpireIfDue(new DateOnly(2028, 1, 2)).ShouldBeFalse();
        product.CertificationStatus.ShouldBe(CertificationStatus.Expired);
        product.ApplyForCertification(Now);
        product.CertificationStatus.ShouldBe(CertificationStatus.Pending);
    }

    [Fact]
    public void Certificate_numbers_read_county_year_and_sequence() =>
        CertificateNumber.Format("451029", 2026, 7).ShouldBe("451029-2026-0007");

    [Fact]
    public void A_lot_lists_each_household_once_with_a_positive_quantity()
    {
        var h1 = Guid.NewGuid();
        var h2 = Guid.NewGuid();
        var lot = new ProductLot(Guid.NewGuid(), Guid.NewGuid(), " 20261101-01 ", new DateOnly(2026, 11, 1),
            [new LotContribution(h1, 120.5m), new LotContribution(h2, 80m)], Now);
        lot.LotCode.ShouldBe("20261101-01");
        lot.TotalQuantity.ShouldBe(200.5m);
        Should.Throw<DomainException>(() => new ProductLot(Guid.NewGuid(), Guid.NewGuid(), "L1", default, [], Now)).Code.ShouldBe("Lot.NoHouseholds");
        Should.Throw<DomainException>(() => new ProductLot(Guid.NewGuid(), Guid.NewGuid(), "L1", default,
            [new LotContribution(h1, 0)], Now)).Code.ShouldBe("Lot.Quantity");
        Should.Throw<DomainException>(() => new ProductLot(Guid.NewGuid(), Guid.NewGuid(), "L1", default,
            [new LotContribution(h1, 1), new LotContribution(h1, 2)], Now)).Code.ShouldBe("Lot.HouseholdTwice");
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李", "*")]
    [InlineData("欧阳娜娜", "欧***")]
    public void Public_pages_mask_household_names(string name, string masked) => Household.MaskName(name).ShouldBe(masked);
}
