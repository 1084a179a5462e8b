using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;

namespace AidMarket.Domain.Procurement;

/// <summary>What a line is quoted from: a product on sale on the order date (a product off sale has no offer).</summary>
public sealed record Offer(Guid ProductId, Guid SupplierId, string Name, string Unit, int MinOrderQuantity, int Stock, IReadOnlyList<TierPrice> Tiers)
{
    public static Offer Of(Product p) => new(p.Id, p.SupplierId, p.NameZh, p.Unit, p.MinOrderQuantity, p.Stock, p.TierPrices);
}

public enum QuoteProblem { NotOnSale, BelowMinimum, NotEnoughStock }

/// <summary>
/// 报价: one line at the tier its quantity reaches, and what stops it from being ordered: off sale on the date, below the minimum
/// order, more than the stock. The cart, the order sheet, the API and standing orders all quote this way; the stock itself is
/// reserved when the order is placed.
/// </summary>
public sealed record LineQuote(Offer? Offer, int Quantity, QuoteProblem? Problem)
{
    public static LineQuote For(Offer? offer, int quantity) => new(offer, quantity,
        offer is null ? QuoteProblem.NotOnSale
        : quantity < offer.MinOrderQuantity ? QuoteProblem.BelowMinimum
        : quantity > offer.Stock ? QuoteProblem.NotEnoughStock
        : null);

    public Money UnitPrice => Offer is null ? Money.Zero : Product.PriceFor(Offer.Tiers, Quantity);
    public Money Total => UnitPrice * Quantity;

    /// <summary>The problem as shown beside the line (a resource key and its arguments), or a null key when there is none.</summary>
    public (string? Key, object[] Arguments) Shown => Problem switch
    {
        QuoteProblem.NotOnSale => ("Cart.NotOnSale", []),
        QuoteProblem.BelowMinimum => ("Cart.BelowMinimum", [Offer!.MinOrderQuantity, Offer.Unit]),
        QuoteProblem.NotEnoughStock => ("Cart.NotEnoughStock", [Offer!.Stock, Offer.Unit]),
        _ => (null, []),
    };

    /// <summary>The line to order, or the refusal naming the product (as <paramref name="requested"/> when it is off sale).</summary>
    public OrderLine Accepted(string requested) => Problem switch
    {
        QuoteProblem.NotOnSale => throw NotOrderable(requested),
        QuoteProblem.BelowMinimum => throw new DomainException("Cart.BelowMinimum",
            $"The minimum order of {Offer!.Name} is {Offer.MinOrderQuantity} {Offer.Unit}.", Offer.Name, Offer.MinOrderQuantity, Offer.Unit),
        QuoteProblem.NotEnoughStock => throw NotEnoughStock(Offer!.Name, Offer.Stock, Offer.Unit),
        _ => new OrderLine(Offer!.ProductId, Offer.SupplierId, Offer.Name, Offer.Unit, Quantity, UnitPrice),
    };

    /// <summary>The refusal of a product off sale, when quoted or when its stock is reserved.</summary>
    public static DomainException NotOrderable(string name) =>
        new("Order.NotOrderable", $"{name} is not a certified product on sale.", name);

    /// <summary>The refusal of more than the stock, when quoted or when its stock is reserved.</summary>
    public static DomainException NotEnoughStock(string name, int left, string unit) =>
        new("Order.NotEnoughStock", $"Not enough stock of {name}: {left} {unit} left.", name, left, unit);
}
