using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Producers;
using AidMarket.Web.Catalog;
using AidMarket.Web.Data;
using Npgsql;

namespace AidMarket.Web.Tests.Procurement;

/// <summary>"On sale on a day" is one rule (Product.IsOnSaleOn), restated in LINQ (StorefrontQuery.OnSale) and SQL (OnSaleSql).</summary>
public class OnSaleRuleTests(AppFixture app) : WebTest(app)
{
    /// <summary>Which of <paramref name="ids"/> the SQL condition placement uses selects on <paramref name="today"/>.</summary>
    private static Task<List<Guid>> BySqlAsync(AidMarketDbContext db, Guid[] ids, DateOnly today) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT p.id FROM products p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ANY($1) AND {StorefrontQuery.OnSaleSql(2)}",
                connection, transaction) { Parameters = { new() { Value = ids }, new() { Value = today } } };
            await using var reader = await command.ExecuteReaderAsync();
            var found = new List<Guid>();
            while (await reader.ReadAsync()) found.Add(reader.GetGuid(0));
            return found.Order().ToList();
        }, CancellationToken.None);

    [Fact]
    public async Task The_rule_its_query_and_its_SQL_select_the_same_products_in_every_state()
    {
        await App.ExecuteAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var suppliers = await db.Suppliers.Where(s => s.Status == SupplierStatus.Approved).OrderBy(s => s.Id).Take(2).ToListAsync();
            suppliers[1].Suspend("停业整顿", DateTimeOffset.UtcNow);
            var made = suppliers.SelectMany((s, i) => States(s, today, i * 10)).ToList();
            db.Products.AddRange(made);
            await db.SaveChangesAsync();
            var ids = made.Select(p => p.Id).ToArray();

            var byRule = await (from p in db.Products.AsNoTracking() join s in db.Suppliers on p.SupplierId equals s.Id
                                where ids.Contains(p.Id) select new { p, s.Status }).ToListAsync();
            var rule = byRule.Where(x => x.p.IsOnSaleOn(today, x.Status)).Select(x => x.p.Id).Order().ToList();
            var query = await StorefrontQuery.OnSale(db, today).Where(r => ids.Contains(r.Product.Id)).Select(r => r.Product.Id).OrderBy(id => id).ToListAsync();
            var sql = await BySqlAsync(db, ids, today);

            // Of the approved supplier's products, only the one certified until tomorrow; of the suspended supplier's, none.
            rule.ShouldBe([made.Single(p => p.SupplierId == suppliers[0].Id && p.NameZh == "certified until tomorrow").Id]);
            query.ShouldBe(rule);
            sql.ShouldBe(rule);
        });
    }

    /// <summary>One product of the supplier in each certification state, expiring on each side of today.</summary>
    private static IEnumerable<Product> States(Supplier supplier, DateOnly today, int sequence)
    {
        var now = DateTimeOffset.UtcNow;
        Product New(string state)
        {
            var details = new ProductDetails(state, null, "测试", "", "", "斤", "", 1, 100, [new TierPrice(1, new Money(1000))], []);
            return new Product(supplier.Id, supplier.CountyCode, details, now);
        }
        Product Certified(string state, DateOnly expiresOn)
        {
            var product = New(state);
            product.ApplyForCertification(now);
            product.Certify(CertificateNumber.Format(supplier.CountyCode, 2099, ++sequence), today.AddDays(-30), expiresOn);
            return product;
        }
        yield return New("draft");
        var pending = New("pending");
        pending.ApplyForCertification(now);
        yield return pending;
        var rejected = New("rejected");
        rejected.ApplyForCertification(now);
        rejected.RejectCertification("材料不全");
        yield return rejected;
        yield return Certified("certified until tomorrow", today.AddDays(1));
        yield return Certified("certified until today", today);
        yield return Certified("certificate past, not yet marked expired", today.AddDays(-1));
        var expired = Certified("expired", today.AddDays(-1));
        expired.ExpireIfDue(today).ShouldBeTrue();
        yield return expired;
        var revoked = Certified("revoked", today.AddYears(1));
        revoked.Revoke("抽检不合格");
        yield return revoked;
    }
}
