using System.Net;
using Microsoft.Extensions.DependencyInjection;
using AidMarket.Web.Statements;
using static AidMarket.Web.Tests.Infrastructure.HouseholdCredits;

namespace AidMarket.Web.Tests.Statements;

/// <summary>明白卡: a household opens its own statement with its card code and a second factor; attempts are limited and recorded.</summary>
public class StatementTests(AppFixture app) : WebTest(app)
{
    private Browser FromNewAddress() => Browser.From(App.Factory, new IPAddress([10, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]));

    private static Task<HttpResponseMessage> LookUpAsync(Browser browser, string card, string lastFour) =>
        browser.SubmitAsync("/Statement", new Dictionary<string, string> { ["Card"] = card, ["LastFour"] = lastFour });

    [Fact]
    public async Task The_household_sees_its_credits_to_the_fen_its_payouts_and_its_balance_and_the_lookup_is_recorded()
    {
        var h1 = (await HouseholdsAsync(App))[0];
        await CreditAsync(App, (h1.Id, 12_345));
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        (await officer.SubmitAsync("/County/Disbursements", new Dictionary<string, string>(), "/County/Disbursements?handler=Create"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await CreditAsync(App, (h1.Id, 678));

        var household = FromNewAddress();
        var form = await household.GetAsync($"/Statement?card={h1.CardCode.ToLowerInvariant()}");
        form.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await form.Content.ReadAsStringAsync()).ShouldContain($"value=\"{h1.CardCode}\"");
        var answer = await LookUpAsync(household, h1.CardCode.ToLowerInvariant(), LastFourOf(App, h1).ToLowerInvariant());
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", App.Factory.Logs.Where(l => l.StartsWith("Error"))));
        answer.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await answer.Content.ReadAsStringAsync();
        html.ShouldContain("收益入账");
        html.ShouldContain("田林姬松茸干品");
        html.ShouldContain("¥123.45");
        html.ShouldContain("¥6.78");   // the balance still owed
        html.ShouldContain("发放中");   // ¥123.45 on its way to the card
        html.ShouldContain(AidMarket.Domain.Producers.Household.MaskName(h1.HeadName));
        html.ShouldNotContain(h1.HeadName);

        var lookup = await App.QueryAsync(db => db.StatementLookups.SingleAsync());
        (lookup.CardCode, lookup.HouseholdId, lookup.Outcome).ShouldBe((h1.CardCode, (Guid?)h1.Id, LookupOutcome.Found));
        lookup.IpAddress.ShouldStartWith("10.");
    }

    [Fact]
    public async Task A_wrong_factor_or_unknown_card_gets_one_generic_message_and_is_recorded_for_the_county()
    {
        var h1 = (await HouseholdsAsync(App))[0];
        var right = LastFourOf(App, h1);
        var wrong = right == "0000" ? "0001" : "0000";
        var browser = FromNewAddress();
        var wrongFactor = await (await LookUpAsync(browser, h1.CardCode, wrong)).Content.ReadAsStringAsync();
        var unknownCard = await (await LookUpAsync(browser, "NOSUCHCARD42", right)).Content.ReadAsStringAsync();
        const string generic = "明白卡编号与身份证号后四位不匹配，请核对后重试。";
        wrongFactor.ShouldContain(generic);
        unknownCard.ShouldContain(generic);
        wrongFactor.ShouldNotContain("data-testid=\"balance\"");
        wrongFactor.ShouldNotContain($"value=\"{wrong}\"");

        var lookups = await App.QueryAsync(db => db.StatementLookups.OrderBy(l => l.At).ToListAsync());
        lookups.Select(l => (l.CardCode, l.Outcome, l.CountyCode is null)).ShouldBe([(h1.CardCode, LookupOutcome.NoMatch, false), ("NOSUCHCARD42", LookupOutcome.NoMatch, true)]);

        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var page = await officer.GetPageAsync("/County/Lookups");
        page.ShouldContain(h1.CardCode);
        page.ShouldContain("编号或后四位错误");
        await App.CreateUserAsync("officer@wengan.test", OtherCountyOffice, AidMarket.Domain.Organizations.OrganizationRole.Officer);
        var other = NewBrowser();
        await other.LogInOrThrowAsync("officer@wengan.test");
        (await other.GetPageAsync("/County/Lookups")).ShouldNotContain(h1.CardCode);
    }

    [Fact]
    public async Task Lookups_are_limited_per_address_and_per_card_with_a_localized_429()
    {
        var households = await HouseholdsAsync(App);
        var oneAddress = FromNewAddress();
        for (var i = 0; i < 5; i++)
            (await LookUpAsync(oneAddress, households[i].CardCode, "0000")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await LookUpAsync(oneAddress, households[5].CardCode, "0000");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("尝试次数过多，请一分钟后再试。");
        (await oneAddress.GetAsync("/Statement")).StatusCode.ShouldBe(HttpStatusCode.OK); // the form itself is not limited

        // One card from many addresses: the card's own limit.
        var card = households[6];
        for (var i = 0; i < 5; i++)
            (await LookUpAsync(FromNewAddress(), card.CardCode, "0000")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cardLimited = await LookUpAsync(FromNewAddress(), card.CardCode, LastFourOf(App, card));
        cardLimited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var html = await cardLimited.Content.ReadAsStringAsync();
        html.ShouldContain("尝试次数过多");
        html.ShouldNotContain("data-testid=\"balance\"");
        (await App.QueryAsync(db => db.StatementLookups.SingleAsync(l => l.CardCode == card.CardCode && l.Outcome == LookupOutcome.RateLimited)))
            .CountyCode.ShouldBe(card.CountyCode);
    }

    [Fact]
    public async Task The_statement_reads_in_English()
    {
        var h1 = (await HouseholdsAsync(App))[0];
        await CreditAsync(App, (h1.Id, 10_001));
        var browser = FromNewAddress();
        await browser.GetAsync("/culture?culture=en&returnUrl=/Statement");
        var html = await (await LookUpAsync(browser, h1.CardCode, LastFourOf(App, h1))).Content.ReadAsStringAsync();
        html.ShouldContain("Income credited");
        html.ShouldContain("Balance owed to the household");
        html.ShouldContain("¥100.01");
        var english = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "田林姬松茸干品").Select(p => p.NameEn).SingleAsync());
        if (english is not null) html.ShouldContain(english);
    }

    [Fact]
    public async Task Statement_cards_carry_a_QR_code_of_the_statement_page_with_the_card_code_and_never_the_ID_number()
    {
        var households = await HouseholdsAsync(App);
        var h1 = households[0];
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var one = WebUtility.HtmlDecode(await officer.GetPageAsync($"/County/Households/Cards?id={h1.Id}"));
        one.ShouldContain("data:image/svg+xml;base64,");
        var url = System.Text.RegularExpressions.Regex.Match(one, "data-url=\"([^\"]+)\"").Groups[1].Value;
        // No App:PublicBaseUrl here: the address the app is configured to listen on, never the request's Host.
        url.ShouldBe($"http://127.0.0.1:5080/Statement?card={h1.CardCode}");
        one.ShouldNotContain(h1.HeadName);
        one.ShouldContain(AidMarket.Domain.Producers.Household.MaskName(h1.HeadName));
        var idNumber = App.Factory.Services.GetRequiredService<AidMarket.Web.Security.SensitiveData>().Unseal(h1.IdNumberCipher);
        one.ShouldNotContain(idNumber);

        var village = await officer.GetPageAsync($"/County/Households/Cards?village={Uri.EscapeDataString(h1.Village)}");
        var inVillage = await App.QueryAsync(db => db.Households.CountAsync(h => h.CountyCode == h1.CountyCode && h.Village == h1.Village));
        System.Text.RegularExpressions.Regex.Matches(village, "class=\"statement-qr\"").Count.ShouldBe(inVillage);
    }
}
