using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Web.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Pages.CountyDesk;

public class ProductCertificationTests(AppFixture app) : WebTest(app)
{
    private const string Mango = "田林芒果（测试）";

    public static Dictionary<string, string> ProductForm(string name = Mango, string price1 = "12.50", string qty2 = "100", string price2 = "11.80") => new()
    {
        ["Input.NameZh"] = name, ["Input.NameEn"] = "Tianlin mango", ["Input.Category"] = "水果", ["Input.Unit"] = "箱", ["Input.PackSize"] = "5千克/箱",
        ["Input.ProductionBase"] = "乐里镇芒果基地", ["Input.MinOrderQuantity"] = "10", ["Input.Stock"] = "500", ["Input.Description"] = "台农芒",
        ["Input.Tiers[0].MinQuantity"] = "10", ["Input.Tiers[0].Price"] = price1, ["Input.Tiers[1].MinQuantity"] = qty2, ["Input.Tiers[1].Price"] = price2,
        ["Input.Labels[0].Kind"] = "GreenFood", ["Input.Labels[0].Selected"] = "true", ["Input.Labels[0].CertificateNumber"] = "LB-45-2026-001",
        ["Input.Labels[0].ExpiresOn"] = "2028-06-30",
        ["Input.Labels[1].Kind"] = "Organic", ["Input.Labels[2].Kind"] = "GeographicalIndication", ["Input.Labels[3].Kind"] = "ComplianceCertificate",
    };

    private async Task<(Browser Manager, Guid ProductId)> AddProductAsync(string name = Mango)
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        var saved = await manager.SubmitAsync("/Supplier/Products/Edit", ProductForm(name));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await saved.Content.ReadAsStringAsync()));
        var id = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == name).Select(p => p.Id).SingleAsync());
        return (manager, id);
    }

    private static Task<HttpResponseMessage> ApplyAsync(Browser manager, Guid id) =>
        manager.SubmitAsync($"/Supplier/Products/Details/{id}", new Dictionary<string, string>(), $"/Supplier/Products/Details/{id}?handler=Apply");

    private async Task<Browser> OfficerAsync(string email = "officer@aidmarket.demo")
    {
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync(email);
        return officer;
    }

    [Fact]
    public async Task Apply_certify_storefront_revoke_gone()
    {
        var (manager, id) = await AddProductAsync();
        var product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == id));
        product.CertificationStatus.ShouldBe(CertificationStatus.Draft);
        product.TierPrices.Select(t => (t.MinQuantity, t.UnitPrice.Fen)).ShouldBe([(10, 1250L), (100, 1180L)]);
        product.QualityLabels.ShouldHaveSingleItem().Kind.ShouldBe(QualityLabelKind.GreenFood);
        (await NewBrowser().GetPageAsync("/")).ShouldNotContain(Mango);

        (await ApplyAsync(manager, id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var officer = await OfficerAsync();
        await Eventually.ReturnsAsync(() => officer.GetPageAsync("/Notifications"), html => html.Contains(Mango));
        var review = await officer.GetPageAsync($"/County/Certifications/Details/{id}");
        review.ShouldContain("12%"); // the supplier's plan in force, beside the product
        review.ShouldContain("联结脱贫户");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var url = $"/County/Certifications/Details/{id}";
        (await officer.SubmitAsync(url, new Dictionary<string, string> { ["IssuedOn"] = today.ToString("yyyy-MM-dd"), ["ExpiresOn"] = today.AddYears(2).ToString("yyyy-MM-dd") },
            url + "?handler=Certify")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == id));
        product.CertificationStatus.ShouldBe(CertificationStatus.Certified);
        product.CertificateNumber!.ShouldMatch($@"^451029-{today.Year}-\d{{4}}$");
        product.CertificateExpiresOn.ShouldBe(today.AddYears(2));
        var storefront = await NewBrowser().GetPageAsync("/");
        storefront.ShouldContain(Mango);
        storefront.ShouldContain("¥12.50");
        await Eventually.ReturnsAsync(() => manager.GetPageAsync("/Notifications"), html => html.Contains(product.CertificateNumber!));

        (await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "农残抽检超标" }, url + "?handler=Revoke")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await NewBrowser().GetPageAsync("/")).ShouldNotContain(Mango);
        var revoked = await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == id));
        revoked.CertificationReason.ShouldBe("农残抽检超标");
        Should.Throw<AidMarket.Domain.Common.DomainException>(() => revoked.EnsureOrderable(today)).Code.ShouldBe("Product.NotCertified");
        var trail = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.Action).ToListAsync());
        trail.ShouldBe(["Audit.CertificationRequested", "Audit.ProductCertified", "Audit.CertificationRevoked"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("-5", "100", "4", "价格必须大于零")]
    [InlineData("12.50", "10", "11", "数量分档必须递增")]
    [InlineData("12.50", "100", "13", "数量分档必须递增")]
    public async Task Bad_prices_are_explained_and_nothing_is_saved(string price1, string qty2, string price2, string message)
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        var response = await manager.SubmitAsync("/Supplier/Products/Edit", ProductForm(price1: price1, qty2: qty2, price2: price2));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.ErrorsIn(await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await App.QueryAsync(db => db.Products.CountAsync(p => p.NameZh == Mango))).ShouldBe(0);
    }

    [Fact]
    public async Task Images_are_checked_by_their_bytes_and_size_and_served_only_to_those_who_may_see_them()
    {
        var (manager, id) = await AddProductAsync();
        var page = $"/Supplier/Products/Details/{id}";
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

        var fake = await manager.UploadAsync(page, page + "?handler=Upload", "image", "not an image at all"u8.ToArray(), "photo.png", "image/png");
        Browser.ErrorsIn(await fake.Content.ReadAsStringAsync()).ShouldContain("不是 JPEG、PNG 或 WebP 图片");
        var big = new byte[3 * 1024 * 1024];
        png.CopyTo(big, 0);
        var tooLarge = await manager.UploadAsync(page, page + "?handler=Upload", "image", big, "big.png", "image/png");
        Browser.ErrorsIn(await tooLarge.Content.ReadAsStringAsync()).ShouldContain("不能超过 2 MB");
        (await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == id))).Images.ShouldBeEmpty();

        (await manager.UploadAsync(page, page + "?handler=Upload", "image", png, "../../etc/passwd.png", "image/png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var image = (await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == id))).Images.ShouldHaveSingleItem();
        image.ContentType.ShouldBe("image/png");
        image.FileName.ShouldEndWith(".png");
        var store = App.Factory.Services.GetRequiredService<ProductImageStore>();
        var stored = store.PathOf(image.FileName)!;
        File.Exists(stored).ShouldBeTrue();
        stored.ShouldNotContain("wwwroot");

        var url = $"/products/{id}/images/{image.FileName}";
        var own = await manager.GetAsync(url);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        (await NewBrowser().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not certified yet
        (await (await OfficerAsync()).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NewBrowser().GetAsync($"/products/{id}/images/..%2F..%2Fappsettings.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_lot_records_how_much_each_linked_household_supplied()
    {
        var (manager, id) = await AddProductAsync();
        var supplierId = await App.QueryAsync(db => db.Suppliers.Where(s => s.LegalName == "田林县姬松茸种植专业合作社").Select(s => s.Id).SingleAsync());
        var linked = await App.QueryAsync(db => db.BenefitLinks.Where(k => k.SupplierId == supplierId && k.Status == LinkStatus.Confirmed)
            .Select(k => k.HouseholdId).Take(2).ToListAsync());
        var stranger = await App.QueryAsync(db => db.Households.Where(h => !db.BenefitLinks.Any(k => k.HouseholdId == h.Id && k.SupplierId == supplierId))
            .Select(h => h.Id).FirstAsync());
        var page = $"/Supplier/Products/Lot/{id}";

        var wrong = await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["LotCode"] = "MG-20261101", ["ProducedOn"] = "2026-11-01", [$"Quantities[{stranger}]"] = "50",
        });
        Browser.ErrorsIn(await wrong.Content.ReadAsStringAsync()).ShouldContain("只有在生产日期与您有已确认利益联结的农户");

        var ok = await manager.SubmitAsync(page, new Dictionary<string, string>
        {
            ["LotCode"] = "MG-20261101", ["ProducedOn"] = "2026-11-01", [$"Quantities[{linked[0]}]"] = "120.5", [$"Quantities[{linked[1]}]"] = "80",
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await ok.Content.ReadAsStringAsync()));
        var lot = await App.QueryAsync(db => db.ProductLots.SingleAsync(x => x.ProductId == id));
        lot.Contributions.ToDictionary(c => c.HouseholdId, c => c.Quantity).ShouldBe(new Dictionary<Guid, decimal> { [linked[0]] = 120.5m, [linked[1]] = 80m });
        (await manager.GetPageAsync($"/Supplier/Products/Details/{id}")).ShouldContain("MG-20261101");
    }

    [Fact]
    public async Task Certificates_expire_on_their_date_and_suppliers_are_warned_thirty_days_before_once()
    {
        var products = await App.QueryAsync(db => db.Products.Where(p => p.CountyCode == "451029").OrderBy(p => p.CertificateNumber).ToListAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await App.ExecuteAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE products SET certificate_expires_on = {today} WHERE id = {products[0].Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE products SET certificate_expires_on = {today.AddDays(20)} WHERE id = {products[1].Id}");
        });
        (await NewBrowser().GetPageAsync("/")).ShouldNotContain(products[0].NameZh + "<"); // off sale on the date, before the job runs

        var job = App.Factory.Services.GetRequiredService<CertificationExpiryJob>();
        (await job.RunOnceAsync(today, CancellationToken.None)).ShouldBe((1, 1));
        (await job.RunOnceAsync(today, CancellationToken.None)).ShouldBe((0, 0));

        (await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == products[0].Id))).CertificationStatus.ShouldBe(CertificationStatus.Expired);
        (await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == products[1].Id))).ExpiryWarnedAt.ShouldNotBeNull();
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        var notes = await Eventually.ReturnsAsync(() => manager.GetPageAsync("/Notifications"), html => html.Contains("已过期") && html.Contains("将于"));
        notes.ShouldContain(today.AddDays(20).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Two_officers_certifying_at_once_get_different_consecutive_numbers()
    {
        var (manager, first) = await AddProductAsync("测试产品甲");
        var second = (await AddProductAsync("测试产品乙")).ProductId;
        await ApplyAsync(manager, first);
        await ApplyAsync(manager, second);
        await App.CreateUserAsync("officer2@aidmarket.demo", "田林县乡村振兴局", OrganizationRole.Officer);
        var officers = new[] { await OfficerAsync(), await OfficerAsync("officer2@aidmarket.demo") };
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var pages = await Task.WhenAll(new[] { first, second }.Select((id, i) => officers[i].GetPageAsync($"/County/Certifications/Details/{id}")));

        var responses = await Task.WhenAll(new[] { first, second }.Select((id, i) => officers[i].PostWithTokenAsync(
            $"/County/Certifications/Details/{id}?handler=Certify", new Dictionary<string, string> { ["IssuedOn"] = today, ["ExpiresOn"] = "2030-01-01" },
            Browser.TokenFrom(pages[i]))));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);

        var numbers = await App.QueryAsync(db => db.Products.Where(p => p.Id == first || p.Id == second).Select(p => p.CertificateNumber!).ToListAsync());
        numbers.Distinct().Count().ShouldBe(2);
        var sequences = numbers.Select(n => int.Parse(n[^4..])).Order().ToList();
        (sequences[1] - sequences[0]).ShouldBe(1);
    }

    [Fact]
    public async Task Another_suppliers_or_countys_ids_give_404_and_change_nothing()
    {
        var (_, id) = await AddProductAsync();
        await App.CreateUserAsync("badu@aidmarket.demo", "田林县八渡笋专业合作社", OrganizationRole.Manager);
        var other = NewBrowser();
        await other.LogInOrThrowAsync("badu@aidmarket.demo");
        var token = Browser.TokenFrom(await other.GetPageAsync("/Supplier/Products"));
        foreach (var url in new[] { $"/Supplier/Products/Details/{id}", $"/Supplier/Products/Edit/{id}", $"/Supplier/Products/Lot/{id}" })
            (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await other.PostWithTokenAsync($"/Supplier/Products/Edit/{id}", ProductForm("被篡改"), token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostWithTokenAsync($"/Supplier/Products/Details/{id}?handler=Apply", new Dictionary<string, string>(), token))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/Supplier/Products")).ShouldNotContain(Mango);

        await ApplyAsync((await AddProductAsync("另一测试产品")).Manager, id);
        await App.CreateUserAsync("officer.duan@aidmarket.demo", "都安瑶族自治县乡村振兴局", OrganizationRole.Officer);
        var foreignOfficer = await OfficerAsync("officer.duan@aidmarket.demo");
        (await foreignOfficer.GetAsync($"/County/Certifications/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var officerToken = Browser.TokenFrom(await foreignOfficer.GetPageAsync("/County/Certifications"));
        (await foreignOfficer.PostWithTokenAsync($"/County/Certifications/Details/{id}?handler=Certify",
            new Dictionary<string, string> { ["IssuedOn"] = "2026-11-22", ["ExpiresOn"] = "2028-11-22" }, officerToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreignOfficer.GetPageAsync("/County/Certifications")).ShouldNotContain(Mango);

        var product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == id));
        product.NameZh.ShouldBe(Mango);
        product.CertificationStatus.ShouldBe(CertificationStatus.Pending);
    }

    [Fact]
    public async Task Two_officers_certifying_the_same_product_at_once_give_it_one_number_and_lose_none()
    {
        var (manager, id) = await AddProductAsync("同时认定的产品");
        await ApplyAsync(manager, id);
        await App.CreateUserAsync("officer2@aidmarket.demo", "田林县乡村振兴局", OrganizationRole.Officer);
        var officers = new[] { await OfficerAsync(), await OfficerAsync("officer2@aidmarket.demo") };
        var url = $"/County/Certifications/Details/{id}";
        var tokens = await Task.WhenAll(officers.Select(async o => Browser.TokenFrom(await o.GetPageAsync(url))));
        var year = DateTime.UtcNow.Year;
        var before = await App.QueryAsync(db => db.CertificateSequences.Where(s => s.CountyCode == "451029" && s.Year == year).Select(s => s.LastValue).SingleAsync());

        var responses = await Task.WhenAll(officers.Select((o, i) => o.PostWithTokenAsync(url + "?handler=Certify",
            new Dictionary<string, string> { ["ExpiresOn"] = "2030-01-01" }, tokens[i])));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        Browser.ErrorsIn(await loser.Content.ReadAsStringAsync()).ShouldMatch("其他人刚刚修改了此记录|只有待认定的产品");
        var product = await App.QueryAsync(db => db.Products.SingleAsync(p => p.Id == id));
        product.CertificationStatus.ShouldBe(CertificationStatus.Certified);
        var after = await App.QueryAsync(db => db.CertificateSequences.Where(s => s.CountyCode == "451029" && s.Year == year).Select(s => s.LastValue).SingleAsync());
        after.ShouldBe(before + 1); // the loser's number was rolled back, not lost
        product.CertificateNumber.ShouldBe($"451029-{year}-{after:D4}");
        product.CertifiedOn.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow)); // issued today, whatever a form says
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == "Audit.ProductCertified"))).ShouldBe(1);
    }
}
