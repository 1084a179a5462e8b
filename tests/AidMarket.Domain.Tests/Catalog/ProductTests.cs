using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Producers;
using Shouldly;

namespace AidMarket.Domain.Tests.Catalog;

public class ProductTests
{
    private static Product Mushrooms(params TierPrice[] tiers) =>
        new(Guid.NewGuid(), "451029", "田林姬松茸干品", null, "食用菌", "斤", "", 10, 100,
            tiers.Length > 0 ? tiers : [new TierPrice(10, 9800), new TierPrice(50, 9200), new TierPrice(200, 8600)]);

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
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, 9800), new TierPrice(10, 9000))).Code.ShouldBe("Product.TiersOrder");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, 9800), new TierPrice(50, 9900))).Code.ShouldBe("Product.TiersOrder");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(5, 9800))).Code.ShouldBe("Product.FirstTier");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, 0))).Code.ShouldBe("Product.PricePositive");
        Should.Throw<DomainException>(() => Mushrooms(new TierPrice(10, -100))).Code.ShouldBe("Product.PricePositive");
    }

    [Fact]
    public void Only_a_certified_unexpired_product_is_on_sale()
    {
        var today = new DateOnly(2026, 11, 22);
        var product = Mushrooms();
        product.IsOnSale(today).ShouldBeFalse();
        product.Certify("451029-2026-0001", new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1));
        product.IsOnSale(today).ShouldBeTrue();
        product.IsOnSale(new DateOnly(2028, 1, 1)).ShouldBeFalse();
        Should.Throw<DomainException>(() => product.Certify("x", today, today.AddYears(2))).Code.ShouldBe("Certification.CannotCertify");
    }

    [Fact]
    public void Stock_and_minimum_order_cannot_be_nonsense()
    {
        Should.Throw<DomainException>(() => new Product(Guid.NewGuid(), "451029", "笋干", null, "干货", "kg", "", 0, 1, [new TierPrice(0, 100)]));
        Should.Throw<DomainException>(() => new Product(Guid.NewGuid(), "451029", "笋干", null, "干货", "kg", "", 1, -1, [new TierPrice(1, 100)]));
    }

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("李", "*")]
    [InlineData("欧阳娜娜", "欧***")]
    public void Public_pages_mask_household_names(string name, string masked) => Household.MaskName(name).ShouldBe(masked);
}
