using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Data.Seed;

public class DemoSeedTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task The_demo_marketplace_has_the_five_counties_the_two_pairings_and_one_user_per_role()
    {
        var counties = await App.QueryAsync(db => db.Counties.OrderBy(c => c.Code).Select(c => c.Name).ToListAsync());
        counties.ShouldBe(["泗县", "平舆县", "田林县", "都安瑶族自治县", "瓮安县"], ignoreOrder: true);
        var pairings = await App.QueryAsync(db => db.PartnerPairings.Select(p => p.DistrictName + "→" + p.CountyCode).ToListAsync());
        pairings.ShouldBe(["海珠区→522725", "宝安区→451228"], ignoreOrder: true);

        var users = await App.QueryAsync(db => (from u in db.Users join o in db.Organizations on u.OrganizationId equals o.Id
            select new { u.Email, o.Kind, u.Role }).ToListAsync());
        foreach (var kind in Enum.GetValues<OrganizationKind>())
            foreach (var role in OrganizationRoles.For(kind))
                users.ShouldContain(u => u.Kind == kind && u.Role == role, $"a demo {kind} {role}");
    }

    [Fact]
    public async Task Every_county_has_suppliers_with_linked_households_and_certified_products()
    {
        var perCounty = await App.QueryAsync(db => db.Counties.Select(c => new
        {
            c.Name,
            Suppliers = db.Suppliers.Count(s => s.CountyCode == c.Code),
            Households = db.Households.Count(h => h.CountyCode == c.Code),
            Certified = db.Products.Count(p => p.CountyCode == c.Code && p.CertificationStatus == CertificationStatus.Certified),
        }).ToListAsync());
        perCounty.Count.ShouldBe(5);
        perCounty.ShouldAllBe(c => c.Suppliers >= 1 && c.Households >= 5 && c.Certified >= 1);
        (await App.QueryAsync(db => db.BenefitLinks.CountAsync())).ShouldBe(await App.QueryAsync(db => db.Households.CountAsync()));
        var names = await App.QueryAsync(db => db.Products.Select(p => p.NameZh).ToListAsync());
        names.ShouldContain("田林姬松茸干品");
        names.ShouldContain("八渡笋干");
        names.ShouldContain("平舆白芝麻");
        names.ShouldContain("都安瑶山牛肉");
    }

    [Fact]
    public async Task Seeding_again_or_from_two_instances_at_once_changes_nothing()
    {
        async Task<int[]> Counts() => await App.QueryAsync(async db => new[]
        {
            await db.Organizations.CountAsync(), await db.Users.CountAsync(), await db.Products.CountAsync(),
            await db.Households.CountAsync(), await db.Counties.CountAsync(),
        });
        var before = await Counts();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = App.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }));

        results.ShouldAllBe(seeded => !seeded);
        (await Counts()).ShouldBe(before);
    }
}
