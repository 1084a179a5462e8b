namespace AidMarket.Web.Tests.Pages.SupplierDesk;

public class LotTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task A_suspended_supplier_cannot_record_lots_and_a_link_must_be_active_on_the_production_date()
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        var product = await App.QueryAsync(db => db.Products.FirstAsync(p => p.NameZh == "田林姬松茸干品"));
        var supplier = await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.Id == product.SupplierId));
        var linked = await App.QueryAsync(db => db.BenefitLinks.Where(k => k.SupplierId == supplier.Id).Select(k => new { k.HouseholdId, k.StartsOn }).FirstAsync());
        var page = $"/Supplier/Products/Lot/{product.Id}";
        var early = linked.StartsOn.AddDays(-10).ToString("yyyy-MM-dd");
        var before = await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["LotCode"] = "EARLY-01", ["ProducedOn"] = early, [$"Quantities[{linked.HouseholdId}]"] = "10",
        });
        Browser.ErrorsIn(await before.Content.ReadAsStringAsync()).ShouldContain("在生产日期");
        (await App.QueryAsync(db => db.ProductLots.CountAsync(l => l.LotCode == "EARLY-01"))).ShouldBe(0);

        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var url = $"/County/Suppliers/Details/{supplier.Id}";
        await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "整改" }, url + "?handler=Suspend");
        (await manager.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
