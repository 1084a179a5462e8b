using AidMarket.Domain.Procurement;
using AidMarket.Testing;
using AidMarket.Web.Data;
using AidMarket.Web.Procurement;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Procurement;

public class StandingAgreementFlowTests(AppFixture app) : WebTest(app)
{
    private async Task<Browser> LogInAsync(string email)
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync(email);
        return browser;
    }

    /// <summary>A weekly agreement for 瓮安红茶 (¥1,800 an order, below the approval threshold), accepted by its supplier.</summary>
    private async Task<StandingAgreement> AcceptedAgreementAsync()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        var tea = await App.QueryAsync(db => db.Products.SingleAsync(p => p.NameZh == "瓮安红茶"));
        await purchaser.SubmitAsync($"/Products/{tea.Id}", new Dictionary<string, string> { ["productId"] = tea.Id.ToString(), ["quantity"] = "10" }, "/Buyer/Cart?handler=Add");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var proposed = await purchaser.SubmitAsync("/Buyer/Cart", new Dictionary<string, string>
        {
            ["Agreement.Frequency"] = "Weekly", ["Agreement.Day"] = ((int)today.DayOfWeek == 0 ? 7 : (int)today.DayOfWeek).ToString(),
            ["Agreement.StartsOn"] = today.ToString("yyyy-MM-dd"), ["Agreement.EndsOn"] = today.AddMonths(2).ToString("yyyy-MM-dd"),
            ["Agreement.Address"] = "广州市海珠区机关食堂",
        }, "/Buyer/Cart?handler=Agreement");
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await proposed.Content.ReadAsStringAsync()));
        var agreement = await App.QueryAsync(db => db.StandingAgreements.SingleAsync());
        agreement.Status.ShouldBe(AgreementStatus.Proposed);

        await App.CreateUserAsync("tea@aidmarket.demo", "瓮安县玉山茶叶专业合作社", Domain.Organizations.OrganizationRole.Manager);
        var supplier = await LogInAsync("tea@aidmarket.demo");
        (await supplier.GetPageAsync("/Supplier/Agreements")).ShouldContain("海珠区机关事务管理局食堂");
        await supplier.SubmitAsync("/Supplier/Agreements", new Dictionary<string, string> { ["agreementId"] = agreement.Id.ToString() }, "/Supplier/Agreements?handler=Accept");
        agreement = await App.QueryAsync(db => db.StandingAgreements.SingleAsync());
        agreement.Status.ShouldBe(AgreementStatus.Active);
        agreement.NextDueOn.ShouldBe(today);
        return agreement;
    }

    [Fact]
    public async Task Each_due_date_produces_one_ordinary_order_placed_through_stock_and_both_sides_hear_of_it()
    {
        var agreement = await AcceptedAgreementAsync();
        var job = App.Factory.Services.GetRequiredService<StandingOrderJob>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var stock = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "瓮安红茶").Select(p => p.Stock).SingleAsync());

        (await job.RunOnceAsync(today, default)).ShouldBe(1);
        (await job.RunOnceAsync(today, default)).ShouldBe(0);
        var order = await App.QueryAsync(db => db.PurchaseOrders.SingleAsync());
        order.Status.ShouldBe(OrderStatus.Placed);
        order.Total.Fen.ShouldBe(180_000);
        (await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "瓮安红茶").Select(p => p.Stock).SingleAsync())).ShouldBe(stock - 10);
        (await App.QueryAsync(db => db.StandingAgreements.SingleAsync())).NextDueOn.ShouldBe(today.AddDays(7));

        (await job.RunOnceAsync(today.AddDays(14), default)).ShouldBe(2); // catches up on missed dates, one order each
        (await App.QueryAsync(db => db.StandingOrderRuns.CountAsync())).ShouldBe(3);
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await Eventually.ReturnsAsync(() => purchaser.GetPageAsync("/Notifications"), html => html.Contains($"定向直供订单 {order.Number} 已生成"));
    }

    [Fact]
    public async Task A_paused_agreement_generates_nothing_and_a_failed_date_is_recorded_for_both_sides()
    {
        var agreement = await AcceptedAgreementAsync();
        var job = App.Factory.Services.GetRequiredService<StandingOrderJob>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await purchaser.SubmitAsync("/Buyer/Agreements", new Dictionary<string, string> { ["agreementId"] = agreement.Id.ToString() }, "/Buyer/Agreements?handler=Pause");
        (await job.RunOnceAsync(today.AddDays(30), default)).ShouldBe(0);
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(0);

        await purchaser.SubmitAsync("/Buyer/Agreements", new Dictionary<string, string> { ["agreementId"] = agreement.Id.ToString() }, "/Buyer/Agreements?handler=Resume");
        await App.ExecuteAsync(db => db.Database.ExecuteSqlAsync($"UPDATE products SET stock = 3 WHERE name_zh = '瓮安红茶'"));
        (await job.RunOnceAsync(today, default)).ShouldBe(1);
        var run = await App.QueryAsync(db => db.StandingOrderRuns.SingleAsync());
        run.OrderId.ShouldBeNull();
        run.Failure!.ShouldContain("库存不足");
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(0); // nothing of the failed order was kept
        (await purchaser.GetPageAsync("/Buyer/Agreements")).ShouldContain("未生成");
    }

    [Fact]
    public async Task A_date_missed_while_the_job_was_down_still_gets_its_order_delivered_from_today()
    {
        var agreement = await AcceptedAgreementAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await App.ExecuteAsync(db => db.Database.ExecuteSqlAsync($"UPDATE standing_agreements SET next_due_on = {today.AddDays(-7)} WHERE id = {agreement.Id}"));
        (await App.Factory.Services.GetRequiredService<StandingOrderJob>().RunOnceAsync(today, default)).ShouldBe(2);
        var runs = await App.QueryAsync(db => db.StandingOrderRuns.OrderBy(r => r.DueOn).ToListAsync());
        runs.ShouldAllBe(r => r.OrderId != null && r.Failure == null);
        (await App.QueryAsync(db => db.PurchaseOrders.MinAsync(o => o.Delivery.RequestedOn))).ShouldBe(today);
    }

    [Fact]
    public async Task Only_purchasers_and_admins_decide_for_the_buyer_and_a_supplier_cannot_resume_a_pause()
    {
        var agreement = await AcceptedAgreementAsync();
        var receiver = await LogInAsync("receiver@aidmarket.demo");
        var pause = await receiver.SubmitAsync("/Buyer/Agreements", new Dictionary<string, string> { ["agreementId"] = agreement.Id.ToString() }, "/Buyer/Agreements?handler=Pause");
        pause.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await purchaser.SubmitAsync("/Buyer/Agreements", new Dictionary<string, string> { ["agreementId"] = agreement.Id.ToString() }, "/Buyer/Agreements?handler=Pause");
        var supplier = await LogInAsync("tea@aidmarket.demo");
        var resume = await supplier.SubmitAsync("/Supplier/Agreements", new Dictionary<string, string> { ["agreementId"] = agreement.Id.ToString() }, "/Supplier/Agreements?handler=Resume");
        resume.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await App.QueryAsync(db => db.StandingAgreements.SingleAsync())).Status.ShouldBe(AgreementStatus.Paused);
    }

    [Fact]
    public async Task Another_buyer_or_supplier_cannot_act_on_the_agreement()
    {
        var agreement = await AcceptedAgreementAsync();
        var other = await LogInAsync("supplier@aidmarket.demo"); // the mushroom cooperative, not the tea one
        var token = Browser.TokenFrom(await other.GetPageAsync("/Supplier/Agreements"));
        (await other.PostWithTokenAsync("/Supplier/Agreements?handler=End", new Dictionary<string, string> { ["agreementId"] = agreement.Id.ToString() }, token))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.QueryAsync(db => db.StandingAgreements.SingleAsync())).Status.ShouldBe(AgreementStatus.Active);
    }
}

public class StandingOrderRaceTests
{
    [Fact]
    public async Task Two_instances_running_the_job_at_once_generate_each_due_order_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?> { ["StandingOrders:Enabled"] = "false" };
        await using var a = new AidMarketFactory(database.ConnectionString, settings);
        await using var b = new AidMarketFactory(database.ConnectionString, settings);
        _ = a.Server;
        _ = b.Server;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
            var purchaser = await db.Users.SingleAsync(u => u.Email == "purchaser@aidmarket.demo");
            foreach (var name in new[] { "瓮安红茶", "平舆白芝麻", "都安旱藕粉", "泗县红薯粉丝" })
            {
                var p = await db.Products.SingleAsync(x => x.NameZh == name);
                var agreement = new StandingAgreement(purchaser.OrganizationId!.Value, p.SupplierId, purchaser.Id,
                    [new AgreementItem(p.Id, p.NameZh, p.Unit, p.MinOrderQuantity)], AgreementFrequency.Weekly, 1, today, today.AddMonths(3), "宝安区", today);
                agreement.Accept(today);
                db.StandingAgreements.Add(agreement);
            }
            await db.SaveChangesAsync();
        }
        var horizon = today.AddDays(28);
        var handled = await Task.WhenAll(new[] { a, b, a, b }.Select(f => f.Services.GetRequiredService<StandingOrderJob>().RunOnceAsync(horizon, default)));

        await using var check = a.Services.CreateAsyncScope();
        var verify = check.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var runs = await verify.StandingOrderRuns.ToListAsync();
        runs.Count.ShouldBe(handled.Sum());
        runs.GroupBy(r => (r.AgreementId, r.DueOn)).ShouldAllBe(g => g.Count() == 1);
        (await verify.PurchaseOrders.CountAsync()).ShouldBe(runs.Count(r => r.OrderId != null));
        var mondays = Enumerable.Range(0, 29).Count(d => today.AddDays(d).DayOfWeek == DayOfWeek.Monday);
        runs.Count.ShouldBe(4 * mondays); // four agreements, every Monday from today to the horizon
    }
}
