using System.Text;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using Npgsql;

namespace AidMarket.Web.Tests.Pages.CountyDesk;

public partial class HouseholdTests(AppFixture app) : WebTest(app)
{
    private const string IdNumber = "451029198503127710";
    private const string Account = "6217003760001234567";

    private static Dictionary<string, string> Form(string name = "蓝秀英", string id = IdNumber, string account = Account) => new()
    {
        ["Input.HeadName"] = name, ["Input.IdNumber"] = id, ["Input.Village"] = "八渡村", ["Input.Size"] = "4",
        ["Input.Status"] = "Monitored", ["Input.BaselineIncome"] = "12800.50", ["Input.PayoutAccount"] = account,
    };

    private async Task<Browser> OfficerAsync(string email = "officer@aidmarket.demo")
    {
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync(email);
        return officer;
    }

    private async Task<Guid> CreateAsync(Browser officer)
    {
        var response = await officer.SubmitAsync("/County/Households/Edit", Form());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await response.Content.ReadAsStringAsync()));
        return await App.QueryAsync(db => db.Households.Where(h => h.HeadName == "蓝秀英").Select(h => h.Id).SingleAsync());
    }

    [Fact]
    public async Task An_officer_registers_a_household_whose_ID_number_and_account_are_never_stored_or_logged_in_plain_text()
    {
        var officer = await OfficerAsync();
        var id = await CreateAsync(officer);
        var household = await App.QueryAsync(db => db.Households.SingleAsync(h => h.Id == id));
        household.IdNumberMasked.ShouldBe("451***********7710");
        household.BaselineIncome.Fen.ShouldBe(1_280_050);
        household.CardCode.Length.ShouldBe(12);

        // Every row of every table, as text: neither the number nor its bytes appear anywhere.
        var everything = await DumpDatabaseAsync();
        foreach (var secret in new[] { IdNumber, Account, "19850312" })
        {
            everything.ShouldNotContain(secret);
            everything.ShouldNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(secret)).ToLowerInvariant());
        }
        App.Factory.Logs.ShouldNotBeEmpty();
        App.Factory.Logs.ShouldAllBe(line => !line.Contains(IdNumber) && !line.Contains(Account));

        var search = await officer.SubmitAsync("/County/Households", new Dictionary<string, string> { ["Q"] = IdNumber }); // found through the keyed hash
        search.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await search.Content.ReadAsStringAsync();
        list.ShouldContain("蓝秀英");
        list.ShouldNotContain(IdNumber + "<");
        App.Factory.Logs.ShouldAllBe(line => !line.Contains(IdNumber) && !line.Contains(Account));

        var byName = await officer.SubmitAsync("/County/Households", new Dictionary<string, string> { ["Q"] = "蓝秀" });
        byName.Headers.Location!.OriginalString.ShouldContain("Q=");
    }

    [Fact]
    public async Task Seeing_the_full_ID_number_is_for_the_county_officer_and_is_recorded()
    {
        var officer = await OfficerAsync();
        var id = await CreateAsync(officer);
        var details = await officer.GetPageAsync($"/County/Households/Details/{id}");
        details.ShouldContain("451***********7710");
        details.ShouldNotContain(IdNumber);

        var revealed = await officer.SubmitAsync($"/County/Households/Details/{id}", new Dictionary<string, string>(),
            $"/County/Households/Details/{id}?handler=Reveal");
        var html = await revealed.Content.ReadAsStringAsync();
        html.ShouldContain(IdNumber);
        html.ShouldContain(Account);
        var viewed = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == "Audit.IdNumberViewed"));
        viewed.UserName.ShouldBe("田林县干部");
        viewed.CountyCode.ShouldBe("451029");
        // The payout account shown beside it is recorded as such, not hidden behind the ID number's entry.
        var account = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == "Audit.PayoutAccountViewed"));
        (account.UserName, account.CountyCode).ShouldBe(("田林县干部", "451029"));
    }

    [Fact]
    public async Task A_changed_household_is_audited_with_before_and_after_and_a_blank_ID_keeps_the_stored_one()
    {
        var officer = await OfficerAsync();
        var id = await CreateAsync(officer);
        var form = Form(name: "蓝秀英", id: "", account: "");
        form["Input.Size"] = "5";
        form["Input.Status"] = "Registered";
        var saved = await officer.SubmitAsync($"/County/Households/Edit/{id}", form);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await saved.Content.ReadAsStringAsync()));

        var household = await App.QueryAsync(db => db.Households.SingleAsync(h => h.Id == id));
        household.Size.ShouldBe(5);
        household.IdNumberMasked.ShouldBe("451***********7710");
        household.PayoutAccountMasked.ShouldBe("***************4567");
        var change = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == id && a.Action == "Audit.HouseholdChanged"));
        change.BeforeValues["Size"].ShouldBe("4");
        change.AfterValues["Size"].ShouldBe("5");
        change.BeforeValues["Status"].ShouldBe("Monitored");
        change.AfterValues["Status"].ShouldBe("Registered");
        change.Before!.ShouldNotContain(IdNumber);
        (await officer.GetPageAsync("/County/Audit")).ShouldContain("蓝秀英");
    }

    [Theory]
    [InlineData("451029198503127718", "身份证号码无效")] // wrong check character
    [InlineData("45102919850312771", "身份证号码无效")]
    [InlineData("", "请输入身份证号码")]
    public async Task A_bad_ID_number_is_explained_and_nothing_is_saved(string badId, string message)
    {
        var officer = await OfficerAsync();
        var before = await App.QueryAsync(db => db.Households.CountAsync());
        var response = await officer.SubmitAsync("/County/Households/Edit", Form(id: badId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.ErrorsIn(await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await App.QueryAsync(db => db.Households.CountAsync())).ShouldBe(before);
        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_ID_number_cannot_be_registered_twice()
    {
        var officer = await OfficerAsync();
        await CreateAsync(officer);
        var again = await officer.SubmitAsync("/County/Households/Edit", Form(name: "另一户"));
        Browser.ErrorsIn(await again.Content.ReadAsStringAsync()).ShouldContain("该身份证号码已登记");
    }

    [Fact]
    public async Task Another_countys_officer_gets_404_for_every_household_page_and_nothing_is_recorded()
    {
        var id = await CreateAsync(await OfficerAsync());
        await App.CreateUserAsync("officer.pingyu@aidmarket.demo", "平舆县乡村振兴局", OrganizationRole.Officer);
        var other = await OfficerAsync("officer.pingyu@aidmarket.demo");
        var auditBefore = await App.QueryAsync(db => db.AuditEntries.CountAsync());

        (await other.GetAsync($"/County/Households/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/County/Households/Edit/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = Browser.TokenFrom(await other.GetPageAsync("/County/Households"));
        var reveal = await other.PostWithTokenAsync($"/County/Households/Details/{id}?handler=Reveal", new Dictionary<string, string>(), token);
        reveal.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reveal.Content.ReadAsStringAsync()).ShouldNotContain(IdNumber);
        var edit = await other.PostWithTokenAsync($"/County/Households/Edit/{id}", Form(name: "篡改"), token);
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var search = await other.SubmitAsync("/County/Households", new Dictionary<string, string> { ["Q"] = IdNumber });
        (await search.Content.ReadAsStringAsync()).ShouldNotContain("蓝秀英");
        (await App.QueryAsync(db => db.Households.SingleAsync(h => h.Id == id))).HeadName.ShouldBe("蓝秀英");
        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(auditBefore);
    }

    private async Task<string> DumpDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(App.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
            await using var rows = await dump.ExecuteReaderAsync();
            while (await rows.ReadAsync()) text.AppendLine(rows.GetString(0));
        }
        text.Length.ShouldBeGreaterThan(1000);
        return text.ToString();
    }

    [Fact]
    public async Task Anything_like_an_ID_number_is_never_answered_from_a_URL()
    {
        var officer = await OfficerAsync();
        var household = await App.QueryAsync(db => db.Households.FirstAsync(h => h.CountyCode == "451029"));
        var sensitive = App.Factory.Services.GetService(typeof(AidMarket.Web.Security.SensitiveData)) as AidMarket.Web.Security.SensitiveData;
        var id = sensitive!.Unseal(household.IdNumberCipher);

        (await officer.GetPageAsync("/County/Households?Q=" + id)).ShouldContain("共 10 户"); // the Q is ignored: the whole county
        var mistyped = id[..17] + (id[17] == '1' ? '2' : '1');
        var post = await officer.SubmitAsync("/County/Households", new Dictionary<string, string> { ["Q"] = mistyped });
        post.StatusCode.ShouldBe(HttpStatusCode.OK); // answered in place, not redirected to a URL with the number
        (await post.Content.ReadAsStringAsync()).ShouldContain("共 0 户");
    }
}
