using AidMarket.Domain.Ledger;
using AidMarket.Domain.Procurement;
using AidMarket.Testing;
using AidMarket.Web.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// 待结算: the C# rule and its SQL restatement pick the same orders on the same data (orders in each state, invoices unpaid,
/// partly paid, paid, overpaid or missing), and the settlement runner settles exactly those.
/// </summary>
public class DueForSettlementTests(AppFixture app) : WebTest(app)
{
    private const string DueInSql = $"""SELECT order_number AS "Value" FROM supplier_orders WHERE {DueForSettlementSql.Condition}""";

    private Task StateAsync(string orderNumber, string set) =>
#pragma warning disable EF1002 // the test's own SQL, no input
        App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync($"UPDATE supplier_orders SET {set} WHERE order_number = '{orderNumber}'"));

    private Task InvoiceAsync(string orderNumber, string change) =>
        App.ExecuteAsync(db => db.Database.ExecuteSqlRawAsync($"{change} WHERE order_number = '{orderNumber}'"));
#pragma warning restore EF1002

    private Task<List<string>> DueInCSharpAsync() => App.QueryAsync(async db =>
    {
        var invoices = await db.Invoices.AsNoTracking().ToDictionaryAsync(i => i.SupplierOrderId);
        return (await db.SupplierOrders.AsNoTracking().ToListAsync())
            .Where(o => DueForSettlement.Holds(o, invoices.GetValueOrDefault(o.Id))).Select(o => o.OrderNumber).ToList();
    });

    [Fact]
    public async Task The_CSharp_rule_and_the_SQL_agree_on_orders_in_every_state_and_the_runner_settles_those()
    {
        await DueOrderSeed.SeedAsync(App.Database.ConnectionString, 8, householdsPerLot: 2, households: 8, tag: "DU");
        await StateAsync("DU-1", "settled_at = now()");
        await StateAsync("DU-2", "status = 'Shipped', accepted_at = NULL");
        await StateAsync("DU-3", "status = 'Cancelled', cancelled_at = now()");
        await InvoiceAsync("DU-4", "UPDATE invoices SET paid_fen = amount_fen - 1");
        await InvoiceAsync("DU-5", "UPDATE invoices SET paid_fen = amount_fen + 1");
        await InvoiceAsync("DU-6", "UPDATE invoices SET paid_fen = 0");
        await InvoiceAsync("DU-7", "DELETE FROM invoices");

        var inCSharp = await DueInCSharpAsync();
        var inSql = await App.QueryAsync(db => db.Database.SqlQueryRaw<string>(DueInSql).ToListAsync());

        inCSharp.Where(n => n.StartsWith("DU-")).ShouldBe(["DU-0", "DU-5"], ignoreOrder: true);
        inSql.ShouldBe(inCSharp, ignoreOrder: true);
        var settled = await App.Factory.Services.GetRequiredService<SettlementRunner>().SettleAllDueAsync(CancellationToken.None);
        settled.ShouldBe(inCSharp.Count);
        (await App.QueryAsync(db => db.Settlements.Join(db.SupplierOrders, s => s.SupplierOrderId, o => o.Id, (s, o) => o.OrderNumber).ToListAsync()))
            .ShouldBe(inCSharp, ignoreOrder: true);
        (await DueInCSharpAsync()).ShouldBeEmpty();
        (await App.QueryAsync(db => db.Database.SqlQueryRaw<string>(DueInSql).ToListAsync())).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_partial_index_the_claims_walk_keeps_its_filter()
    {
        var index = await App.QueryAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SupplierOrder))!.GetIndexes()
            .Single(i => i.GetDatabaseName() == "ix_supplier_orders_due")));
        index.GetFilter().ShouldBe("status = 'Accepted' AND settled_at IS NULL");
        DueForSettlementSql.Condition.ShouldStartWith(DueForSettlementSql.OrderFilter + " AND ");
    }
}
