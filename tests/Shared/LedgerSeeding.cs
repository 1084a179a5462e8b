using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Testing;

/// <summary>Income in the ledger without going through an order: a settlement entry as the settlement runner writes it.</summary>
public static class LedgerSeeding
{
    public const string DemoProduct = "田林姬松茸干品";

    /// <summary>
    /// Settles an imaginary order of the demo cooperative's <see cref="DemoProduct"/> whose household share is
    /// <paramref name="parts"/> (the supplier's part is three times the share); returns the supplier and product credited.
    /// </summary>
    public static async Task<(Guid SupplierId, Guid ProductId)> CreditAsync(IServiceProvider services, params (Guid HouseholdId, long Fen)[] parts)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var product = await db.Products.SingleAsync(p => p.NameZh == DemoProduct);
        var share = parts.Sum(p => p.Fen);
        var split = new SettlementSplit(Guid.NewGuid(), product.SupplierId, new Money(share * 4), Money.Zero, new Money(share * 3),
            parts.Select(p => new HouseholdPart(p.HouseholdId, product.Id, new Money(p.Fen))).ToList());
        db.JournalEntries.Add(split.ToEntry(DateTimeOffset.UtcNow, "test"));
        await db.SaveChangesAsync();
        return (product.SupplierId, product.Id);
    }
}
