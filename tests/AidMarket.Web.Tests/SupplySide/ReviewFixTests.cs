using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Web.Imports;
using AidMarket.Web.Messaging;
using AidMarket.Web.Messaging.Contracts;
using System.Text;

namespace AidMarket.Web.Tests.SupplySide;

/// <summary>Races and leaks found in review, each shown not to happen.</summary>
public class ReviewFixTests(AppFixture app) : WebTest(app)
{
    private async Task<Browser> LogInAsync(string email)
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync(email);
        return browser;
    }

    [Fact]
    public async Task Two_officers_certifying_the_same_product_at_once_give_it_one_number_and_lose_none()
    {
        var manager = await LogInAsync("supplier@aidmarket.demo");
        await manager.SubmitAsync("/Supplier/Products/Edit", ProductCertificationTests.ProductForm("同时认定的产品"));
        var id = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "同时认定的产品").Select(p => p.Id).SingleAsync());
        await manager.SubmitAsync($"/Supplier/Products/Details/{id}", new Dictionary<string, string>(), $"/Supplier/Products/Details/{id}?handler=Apply");
        await App.CreateUserAsync("officer2@aidmarket.demo", "田林县乡村振兴局", OrganizationRole.Officer);
        var officers = new[] { await LogInAsync("officer@aidmarket.demo"), await LogInAsync("officer2@aidmarket.demo") };
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

    [Fact]
    public async Task An_invitation_link_does_not_stay_in_the_database_once_mailed()
    {
        var admin = await LogInAsync("buyeradmin@aidmarket.demo");
        var page = await admin.SubmitAsync("/Organization/Members", new Dictionary<string, string> { ["InviteEmail"] = "new@canteen.cn", ["InviteRole"] = "Finance" },
            "/Organization/Members?handler=Invite");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "token=([A-Za-z0-9_-]+)").Groups[1].Value;
        token.Length.ShouldBeGreaterThan(20);
        await Eventually.ReturnsAsync(() => Task.FromResult(App.MailFiles()), f => f.Length == 1);
        (await File.ReadAllTextAsync(App.MailFiles()[0])).ShouldContain(token);
        var message = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Type == typeof(MemberInvited).FullName));
        message.SentAt.ShouldNotBeNull();
        message.Payload.ShouldNotContain(token);
        (await App.QueryAsync(db => db.Invitations.SingleAsync())).TokenHash.ShouldNotContain(token);
    }

    [Fact]
    public async Task One_message_that_cannot_be_published_does_not_hold_back_the_others()
    {
        var adminId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "admin@aidmarket.demo").Select(u => u.Id).SingleAsync());
        await App.ExecuteAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_messages (id, type, payload, created_at, attempts)
                VALUES ({Guid.CreateVersion7()}, 'AidMarket.Web.Messaging.Contracts.NoSuchEvent', {"{}"}::jsonb, now() - interval '1 minute', 0)
                """);
            db.Publish(new MemberJoined(Guid.NewGuid(), "u", "排在坏消息之后", OrganizationRole.Finance, adminId));
            await db.SaveChangesAsync();
        });
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n == 1);
        var poison = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Type.EndsWith("NoSuchEvent")));
        poison.SentAt.ShouldBeNull();
        poison.Attempts.ShouldBeGreaterThan(0);
        poison.NextAttemptAt.ShouldNotBeNull();
        poison.LastError.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_import_cannot_link_households_to_a_supplier_that_is_not_approved()
    {
        var officer = await LogInAsync("officer@aidmarket.demo");
        var supplier = await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.LegalName == "田林县八渡笋专业合作社"));
        var url = $"/County/Suppliers/Details/{supplier.Id}";
        await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "整改" }, url + "?handler=Suspend");
        var id = ChineseIdNumber.FromFirst17("45102919700101901").Value;
        var csv = $"户主姓名,身份证号码,村,家庭人口,户类型,联结主体统一社会信用代码\n测试暂停,{id},八渡村,3,脱贫户,{supplier.CreditCode}\n";
        var response = await officer.UploadAsync("/County/Households/Import", "/County/Households/Import", "file", Encoding.UTF8.GetBytes(csv), "s.csv", "text/csv");
        var jobId = Guid.Parse(response.Headers.Location!.OriginalString.Split("job=")[1]);
        var job = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId)), j => j.IsFinished);
        job.ErrorList.ShouldHaveSingleItem().Key.ShouldBe("Import.SupplierNotFound");
        (await App.QueryAsync(db => db.Households.CountAsync(h => h.HeadName == "测试暂停"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_suspended_supplier_cannot_record_lots_and_a_link_must_be_active_on_the_production_date()
    {
        var manager = await LogInAsync("supplier@aidmarket.demo");
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

        var officer = await LogInAsync("officer@aidmarket.demo");
        var url = $"/County/Suppliers/Details/{supplier.Id}";
        await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "整改" }, url + "?handler=Suspend");
        (await manager.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anything_like_an_ID_number_is_never_answered_from_a_URL()
    {
        var officer = await LogInAsync("officer@aidmarket.demo");
        var household = await App.QueryAsync(db => db.Households.FirstAsync(h => h.CountyCode == "451029"));
        var sensitive = App.Factory.Services.GetService(typeof(AidMarket.Web.Security.SensitiveData)) as AidMarket.Web.Security.SensitiveData;
        var id = sensitive!.Unseal(household.IdNumberCipher);

        (await officer.GetPageAsync("/County/Households?Q=" + id)).ShouldContain("共 10 户"); // the Q is ignored: the whole county
        var mistyped = id[..17] + (id[17] == '1' ? '2' : '1');
        var post = await officer.SubmitAsync("/County/Households", new Dictionary<string, string> { ["Q"] = mistyped });
        post.StatusCode.ShouldBe(HttpStatusCode.OK); // answered in place, not redirected to a URL with the number
        (await post.Content.ReadAsStringAsync()).ShouldContain("共 0 户");
    }

    [Theory]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/County/Households", "/County/Households")]
    public async Task The_culture_switch_only_returns_to_this_site(string returnUrl, string expected)
    {
        var browser = NewBrowser();
        var response = await browser.GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }
}
