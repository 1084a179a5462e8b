using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;

namespace AidMarket.Web.Tests.Pages.CountyDesk;

public class LinkTests(AppFixture app) : WebTest(app)
{
    private const string Supplier = "田林县姬松茸种植专业合作社";

    /// <summary>A household of 田林县 not yet linked to the demo supplier (one of the 八渡笋 cooperative's).</summary>
    private Task<Household> UnlinkedHouseholdAsync(string county = "451029") => App.QueryAsync(db =>
        db.Households.Where(h => h.CountyCode == county
            && !db.BenefitLinks.Any(k => k.HouseholdId == h.Id && db.Suppliers.Any(s => s.Id == k.SupplierId && s.LegalName == Supplier)))
            .OrderBy(h => h.Id).FirstAsync());

    private async Task<Browser> ProposeAsync(string cardCode)
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        var response = await manager.SubmitAsync("/Supplier/Links", new Dictionary<string, string>
        {
            ["Input.CardCode"] = cardCode.ToLowerInvariant(), ["Input.Kind"] = "Employment", ["Input.Weight"] = "3", ["Input.StartsOn"] = "2026-11-01",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await response.Content.ReadAsStringAsync()));
        return manager;
    }

    [Fact]
    public async Task A_supplier_proposes_a_link_by_card_code_and_the_county_confirms_it()
    {
        var household = await UnlinkedHouseholdAsync();
        var manager = await ProposeAsync(household.CardCode);
        var link = await App.QueryAsync(db => db.BenefitLinks.SingleAsync(k => k.HouseholdId == household.Id && k.Status == LinkStatus.Proposed));
        link.Kind.ShouldBe(LinkKind.Employment);
        link.Weight.ShouldBe(3);
        var mine = await manager.GetPageAsync("/Supplier/Links");
        mine.ShouldContain(Household.MaskName(household.HeadName));
        mine.ShouldNotContain(">" + household.HeadName + "<");

        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        (await officer.GetPageAsync("/County/Links")).ShouldContain(household.HeadName);
        var confirmed = await officer.SubmitAsync("/County/Links", new Dictionary<string, string> { ["linkId"] = link.Id.ToString() },
            "/County/Links?handler=Confirm");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.QueryAsync(db => db.BenefitLinks.SingleAsync(k => k.Id == link.Id))).Status.ShouldBe(LinkStatus.Confirmed);
        await Eventually.ReturnsAsync(() => manager.GetPageAsync("/Notifications"), html => html.Contains("利益联结已确认"));
    }

    [Fact]
    public async Task A_card_code_of_another_county_or_a_bad_one_is_refused_with_a_message()
    {
        var elsewhere = await UnlinkedHouseholdAsync("522725");
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        foreach (var code in new[] { elsewhere.CardCode, "NOSUCHCARD00" })
        {
            var response = await manager.SubmitAsync("/Supplier/Links", new Dictionary<string, string>
            {
                ["Input.CardCode"] = code, ["Input.Kind"] = "Dividend", ["Input.Weight"] = "1", ["Input.StartsOn"] = "2026-11-01",
            });
            Browser.ErrorsIn(await response.Content.ReadAsStringAsync()).ShouldContain("本县没有持此明白卡编号的农户");
        }
        (await App.QueryAsync(db => db.BenefitLinks.CountAsync(k => k.Status == LinkStatus.Proposed))).ShouldBe(0);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_another_countys_officer_cannot_decide()
    {
        var household = await UnlinkedHouseholdAsync();
        await ProposeAsync(household.CardCode);
        var link = await App.QueryAsync(db => db.BenefitLinks.SingleAsync(k => k.HouseholdId == household.Id && k.Status == LinkStatus.Proposed));

        await App.CreateUserAsync("officer.sixian@aidmarket.demo", "泗县乡村振兴局", OrganizationRole.Officer);
        var other = NewBrowser();
        await other.LogInOrThrowAsync("officer.sixian@aidmarket.demo");
        (await other.GetPageAsync("/County/Links")).ShouldNotContain(household.HeadName);
        var foreign = await other.SubmitAsync("/County/Links", new Dictionary<string, string> { ["linkId"] = link.Id.ToString() }, "/County/Links?handler=Confirm");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var noReason = await officer.SubmitAsync("/County/Links", new Dictionary<string, string> { ["linkId"] = link.Id.ToString() }, "/County/Links?handler=Reject");
        Browser.ErrorsIn(await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写原因");
        (await App.QueryAsync(db => db.BenefitLinks.SingleAsync(k => k.Id == link.Id))).Status.ShouldBe(LinkStatus.Proposed);

        await officer.SubmitAsync("/County/Links", new Dictionary<string, string> { ["linkId"] = link.Id.ToString(), ["Reason"] = "该户未在合作社务工" },
            "/County/Links?handler=Reject");
        var rejected = await App.QueryAsync(db => db.BenefitLinks.SingleAsync(k => k.Id == link.Id));
        rejected.Status.ShouldBe(LinkStatus.Rejected);
        rejected.RejectionReason.ShouldBe("该户未在合作社务工");
    }
}
