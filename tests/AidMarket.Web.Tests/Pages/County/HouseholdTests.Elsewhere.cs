using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Tests.Pages.CountyDesk;

public partial class HouseholdTests
{
    [Fact]
    public async Task An_ID_number_of_another_county_only_says_to_contact_the_platform_and_the_attempt_is_audited()
    {
        var id = await CreateAsync(await OfficerAsync()); // 蓝秀英 of 田林县
        await App.CreateUserAsync("officer.pingyu@aidmarket.demo", "平舆县乡村振兴局", OrganizationRole.Officer);
        var other = await OfficerAsync("officer.pingyu@aidmarket.demo");
        var pingyu = await App.QueryAsync(db => db.Organizations.Where(o => o.Name == "平舆县乡村振兴局").Select(o => o.CountyCode).SingleAsync());

        var refused = await other.SubmitAsync("/County/Households/Edit", Form(name: "另一户"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await refused.Content.ReadAsStringAsync();
        Browser.ErrorsIn(html).ShouldBe("该身份证号码无法在此登记，请联系平台。");
        foreach (var leak in new[] { "田林", "蓝秀英", id.ToString() }) html.ShouldNotContain(leak);
        (await App.QueryAsync(db => db.Households.CountAsync(h => h.HeadName == "另一户"))).ShouldBe(0);

        var entry = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Audit.IdNumberElsewhere"));
        (entry.EntityId, entry.CountyCode, entry.UserName).ShouldBe((id, pingyu, "officer.pingyu"));
        (await other.GetPageAsync("/County/Audit")).ShouldContain("登记被拒：该身份证号码已在其他县登记");
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CountyCode == "451029" && a.Action == "Audit.IdNumberElsewhere"))).ShouldBe(0);
    }
}
