using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Catalog;

namespace AidMarket.Web.Procurement;

/// <summary>A purchaser's cart priced by tier, with what stops each line from being ordered, grouped by supplier.</summary>
public sealed class CartView
{
    public sealed record Line(Guid LineId, Product? Product, Guid SupplierId, string SupplierName, int Quantity, Money UnitPrice, Money Total, string? ProblemKey,
        object[] ProblemArguments);

    public IReadOnlyList<Line> Lines { get; private init; } = [];
    public Money Total => Lines.Where(l => l.ProblemKey is null).Aggregate(Money.Zero, (sum, l) => sum + l.Total);
    public bool CanSubmit => Lines.Count > 0 && Lines.All(l => l.ProblemKey is null);

    public static async Task<CartView> LoadAsync(AidMarketDbContext db, string userId, DateOnly today, CancellationToken ct)
    {
        var lines = await db.CartLines.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.AddedAt).ToListAsync(ct);
        var ids = lines.Select(l => l.ProductId).ToList();
        var onSale = await StorefrontQuery.OnSale(db, today).Where(r => ids.Contains(r.Product.Id)).ToDictionaryAsync(r => r.Product.Id, ct);
        return new CartView
        {
            Lines = lines.Select(l =>
            {
                if (!onSale.TryGetValue(l.ProductId, out var row))
                    return new Line(l.Id, null, Guid.Empty, "", l.Quantity, Money.Zero, Money.Zero, "Cart.NotOnSale", []);
                var p = row.Product;
                var price = p.PriceFor(l.Quantity);
                var (problem, args) = l.Quantity < p.MinOrderQuantity ? ("Cart.BelowMinimum", new object[] { p.MinOrderQuantity, p.Unit })
                    : l.Quantity > p.Stock ? ("Cart.NotEnoughStock", new object[] { p.Stock, p.Unit })
                    : ((string?)null, Array.Empty<object>());
                return new Line(l.Id, p, row.SupplierId, row.SupplierName, l.Quantity, price, price * l.Quantity, problem, args);
            }).ToList(),
        };
    }

    public IReadOnlyList<OrderLine> ToOrderLines() =>
        Lines.Select(l => new OrderLine(l.Product!.Id, l.SupplierId, l.Product.NameZh, l.Product.Unit, l.Quantity, l.UnitPrice.Fen)).ToList();
}
