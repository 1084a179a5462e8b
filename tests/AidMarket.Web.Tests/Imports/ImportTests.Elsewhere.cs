using System.Text;
using AidMarket.Domain.Organizations;
using AidMarket.Web.Imports;

namespace AidMarket.Web.Tests.Imports;

public partial class ImportTests
{
    [Fact]
    public async Task An_imported_ID_number_of_another_county_says_only_to_contact_the_platform_and_is_audited_one_of_this_county_as_before()
    {
        var officer = await OfficerAsync(); // 田林县
        var first = await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes($"{Header}\n甲,{IdFor(31)},八渡村,4,脱贫户,,,,,\n"), "one.csv");
        first.Status.ShouldBe(ImportStatus.Succeeded);
        var held = await App.QueryAsync(db => db.Households.Where(h => h.HeadName == "甲").Select(h => h.Id).SingleAsync());

        var again = $"{Header}\n乙,{IdFor(31)},八渡村,4,脱贫户,,,,,\n丙,{IdFor(32)},八渡村,4,脱贫户,,,,,\n";
        var same = await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes(again), "again.csv");
        same.ErrorList.Select(e => (e.Row, e.Key)).ShouldBe([(2, "Import.IdNumberExists")]);

        await App.CreateUserAsync("officer.pingyu@aidmarket.demo", "平舆县乡村振兴局", OrganizationRole.Officer);
        var other = NewBrowser();
        await other.LogInOrThrowAsync("officer.pingyu@aidmarket.demo");
        var elsewhere = await UploadAndWaitAsync(other, "/County/Households/Import", Encoding.UTF8.GetBytes(again), "again.csv");
        elsewhere.ErrorList.Select(e => (e.Row, e.Key)).ShouldBe([(2, "Import.IdNumberContactPlatform")]);
        var page = await other.GetPageAsync($"/County/Households/Import?job={elsewhere.Id}");
        page.ShouldContain("该身份证号码无法在此登记，请联系平台");
        page.ShouldNotContain("田林");

        var entry = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Audit.IdNumberElsewhere"));
        (entry.EntityId, entry.UserName).ShouldBe((held, "officer.pingyu"));
        entry.CountyCode.ShouldNotBe("451029");
        (await App.QueryAsync(db => db.Households.CountAsync(h => h.HeadName == "丙"))).ShouldBe(0);
    }
}
