using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Procurement;
using Shouldly;

namespace AidMarket.Domain.Tests.Procurement;

public class LineQuoteTests
{
    private static readonly Offer Mushrooms = new(Guid.NewGuid(), Guid.NewGuid(), "田林姬松茸干品", "斤", 10, 800,
        [new TierPrice(10, new Money(9800)), new TierPrice(50, new Money(9200))]);

    [Fact]
    public void A_good_line_is_priced_at_the_tier_its_quantity_reaches()
    {
        var quote = LineQuote.For(Mushrooms, 50);
        quote.Problem.ShouldBeNull();
        quote.Shown.Key.ShouldBeNull();
        (quote.UnitPrice.Fen, quote.Total.Fen).ShouldBe((9200, 460_000));
        quote.Accepted("x").ShouldBe(new OrderLine(Mushrooms.ProductId, Mushrooms.SupplierId, "田林姬松茸干品", "斤", 50, new Money(9200)));
    }

    [Theory]
    [InlineData(9, QuoteProblem.BelowMinimum, "Cart.BelowMinimum", 10)]
    [InlineData(801, QuoteProblem.NotEnoughStock, "Cart.NotEnoughStock", 800)]
    public void Below_the_minimum_or_above_the_stock_the_line_is_shown_priced_but_refused(int quantity, QuoteProblem problem, string key, int shown)
    {
        var quote = LineQuote.For(Mushrooms, quantity);
        quote.Problem.ShouldBe(problem);
        quote.Shown.Key.ShouldBe(key);
        quote.Shown.Arguments.ShouldBe([shown, "斤"]);
        quote.UnitPrice.Fen.ShouldBeGreaterThan(0);
        Should.Throw<DomainException>(() => quote.Accepted("x")).Arguments.ShouldContain(shown);
    }

    [Fact]
    public void The_refusals_of_an_order_name_the_product_with_the_codes_callers_show()
    {
        Should.Throw<DomainException>(() => LineQuote.For(Mushrooms, 3).Accepted("x")).Code.ShouldBe("Cart.BelowMinimum");
        var stock = Should.Throw<DomainException>(() => LineQuote.For(Mushrooms, 1000).Accepted("x"));
        (stock.Code, stock.Message).ShouldBe(("Order.NotEnoughStock", "Not enough stock of 田林姬松茸干品: 800 斤 left."));
        stock.Arguments.ShouldBe(["田林姬松茸干品", 800, "斤"]);
    }

    [Fact]
    public void A_product_off_sale_has_no_price_and_is_refused_by_the_name_it_was_asked_for()
    {
        var quote = LineQuote.For(null, 10);
        quote.Problem.ShouldBe(QuoteProblem.NotOnSale);
        (quote.Shown.Key, quote.Shown.Arguments.Length).ShouldBe(("Cart.NotOnSale", 0));
        quote.Total.ShouldBe(Money.Zero);
        var refused = Should.Throw<DomainException>(() => quote.Accepted("451029-2026-0099"));
        (refused.Code, refused.Arguments.Single()).ShouldBe(("Order.NotOrderable", "451029-2026-0099"));
    }
}
