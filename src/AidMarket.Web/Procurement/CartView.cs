using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Catalog;

namespace AidMarket.Web.Procurement;

/// <summary>A purchaser's cart, each line quoted (LineQuote) with what stops it from being ordered, grouped by supplier.</summary>
public sealed class CartView
{
    public sealed record Line(Guid LineId, Product? Product, Guid SupplierId, string SupplierName, LineQuote Quote)
    {
        public int Quantity => Quote.Quantity;
        public Money UnitPrice => Quote.UnitPrice;
        public Money Total => Quote.Total;
        public string? ProblemKey => Quote.Shown.Key;
        public object[] ProblemArguments => Quote.Shown.Arguments;
    }

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
            Lines = lines.Select(l => onSale.TryGetValue(l.ProductId, out var row)
                ? new Line(l.Id, row.Product, row.SupplierId, row.SupplierName, LineQuote.For(Offer.Of(row.Product), l.Quantity))
                : new Line(l.Id, null, Guid.Empty, "", LineQuote.For(null, l.Quantity))).ToList(),
        };
    }

    /// <summary>The lines to order; only when <see cref="CanSubmit"/>.</summary>
    public IReadOnlyList<OrderLine> ToOrderLines() => Lines.Select(l => l.Quote.Accepted(l.Product?.NameZh ?? "")).ToList();
}
