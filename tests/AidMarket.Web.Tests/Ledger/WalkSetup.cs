using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>The people of a walk, each signed in in their own browser; two of those who may answer the same thing at once.</summary>
public sealed class WalkPeople
{
    public required Browser Purchaser { get; init; }
    public required Browser Approver { get; init; }
    public required Browser Receiver { get; init; }
    public required Browser Finance { get; init; }
    public required Browser[] Admins { get; init; }
    public required IReadOnlyDictionary<Guid, Browser> Suppliers { get; init; }
    /// <summary>Two sessions of each county's officer, by county code.</summary>
    public required IReadOnlyDictionary<string, Browser[]> Officers { get; init; }
}

/// <summary>
/// The marketplace a walk starts from: the demo data of three suppliers in two counties (田林县, 瓮安县), a login for each of
/// them and for the other county's officer, and a second lot of each supplier's first product, supplied in fractions by
/// households the first lot does not have, so shares go down several lots and unlotted goods.
/// </summary>
public static class WalkSetup
{
    private static readonly (string Supplier, string Email)[] SupplierLogins =
    [
        ("田林县姬松茸种植专业合作社", "supplier@aidmarket.demo"), ("田林县八渡笋专业合作社", "supplier@badu.walk"),
        ("瓮安县玉山茶叶专业合作社", "supplier@yushan.walk"),
    ];

    private static readonly (string Office, string Email)[] OfficerLogins =
        [(HouseholdCredits.TianlinOffice, "officer@aidmarket.demo"), (HouseholdCredits.OtherCountyOffice, "officer@wengan.walk")];

    public static async Task<(WalkModel Model, WalkPeople People)> StartAsync(AppFixture app)
    {
        foreach (var (supplier, email) in SupplierLogins.Skip(1)) await app.CreateUserAsync(email, supplier, OrganizationRole.Manager);
        await app.CreateUserAsync(OfficerLogins[1].Email, OfficerLogins[1].Office, OrganizationRole.Officer);
        var model = await LoadAsync(app);
        var people = await LogInAsync(app, model);
        foreach (var supplier in model.Suppliers) await RecordSecondLotAsync(app, model, people.Suppliers[supplier.Id], supplier);
        await LoadLotsAsync(app, model);
        return (model, people);
    }

    private static async Task<WalkModel> LoadAsync(AppFixture app) => await app.QueryAsync(async db =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var suppliers = new List<WalkSupplier>();
        foreach (var (name, email) in SupplierLogins)
        {
            var supplier = await db.Suppliers.AsNoTracking().SingleAsync(s => s.LegalName == name);
            var share = await db.BenefitPlans.Where(p => p.SupplierId == supplier.Id && p.Status == BenefitPlanStatus.Approved).Select(p => p.HouseholdSharePercent).SingleAsync();
            var links = (await db.BenefitLinks.AsNoTracking().Where(l => l.SupplierId == supplier.Id).ToListAsync()).Where(l => l.IsActiveOn(today))
                .GroupBy(l => l.HouseholdId).Select(g => (g.Key, g.Sum(l => (long)l.Weight))).ToList();
            suppliers.Add(new WalkSupplier(supplier.Id, name, email, supplier.CountyCode, share, links));
        }
        var ids = suppliers.Select(s => s.Id).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.SupplierId)).OrderBy(p => p.NameZh).ToListAsync();
        var counties = new List<WalkCounty>();
        foreach (var (office, _) in OfficerLogins)
        {
            var code = await db.Organizations.Where(o => o.Name == office).Select(o => o.CountyCode!).SingleAsync();
            counties.Add(new WalkCounty(code, office, await db.Households.Where(h => h.CountyCode == code).Select(h => h.Id).ToListAsync()));
        }
        return new WalkModel
        {
            Suppliers = suppliers, Counties = counties,
            Products = products.Select(p => new WalkProduct(p.Id, p.SupplierId, p.NameZh, p.MinOrderQuantity, p.Stock)).ToList(),
        };
    });

    private static async Task<WalkPeople> LogInAsync(AppFixture app, WalkModel model)
    {
        async Task<Browser> As(string email)
        {
            var browser = new Browser(app.Factory);
            await browser.LogInOrThrowAsync(email);
            return browser;
        }
        var officers = new Dictionary<string, Browser[]>();
        foreach (var (county, (_, email)) in model.Counties.Zip(OfficerLogins))
            officers[county.Code] = await Task.WhenAll(As(email), As(email));
        var suppliers = new Dictionary<Guid, Browser>();
        foreach (var supplier in model.Suppliers) suppliers[supplier.Id] = await As(supplier.Email);
        return new WalkPeople
        {
            Purchaser = await As("purchaser@aidmarket.demo"), Approver = await As("approver@aidmarket.demo"), Receiver = await As("receiver@aidmarket.demo"),
            Finance = await As("finance@aidmarket.demo"), Admins = await Task.WhenAll(As("admin@aidmarket.demo"), As("admin@aidmarket.demo")),
            Suppliers = suppliers, Officers = officers,
        };
    }

    /// <summary>The supplier records lot WALK-2 of its first product on the lot page: two households of no lot yet, and a sliver from a third.</summary>
    private static async Task RecordSecondLotAsync(AppFixture app, WalkModel model, Browser supplierBrowser, WalkSupplier supplier)
    {
        var product = model.Products.First(p => p.SupplierId == supplier.Id);
        var inFirstLot = await app.QueryAsync(db => db.ProductLots.AsNoTracking().Where(l => l.ProductId == product.Id).ToListAsync());
        var supplied = inFirstLot.SelectMany(l => l.Contributions).Select(c => c.HouseholdId).ToHashSet();
        var others = supplier.Linked.Select(l => l.Household).Where(h => !supplied.Contains(h)).OrderBy(h => h).ToList();
        var fields = new Dictionary<string, string>
        {
            ["LotCode"] = "WALK-2", ["ProducedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            [$"Quantities[{others[0]}]"] = "12.5", [$"Quantities[{others[1]}]"] = "7.25", [$"Quantities[{supplied.Min()}]"] = "0.125",
        };
        var recorded = await supplierBrowser.SubmitAsync($"/Supplier/Products/Lot/{product.Id}", fields);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await recorded.Content.ReadAsStringAsync()));
    }

    private static async Task LoadLotsAsync(AppFixture app, WalkModel model)
    {
        var ids = model.Products.Select(p => p.Id).ToList();
        var lots = await app.QueryAsync(db => db.ProductLots.AsNoTracking().Where(l => ids.Contains(l.ProductId)).OrderBy(l => l.LotCode).ToListAsync());
        foreach (var lot in lots)
        {
            model.Lots[lot.Id] = new WalkLot(lot.Id, lot.ProductId, lot.Contributions.Select(c => (c.HouseholdId, c.Quantity)).ToList());
            model.Product(lot.ProductId).Lots.Add(lot.Id);
        }
    }
}
