using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AidMarket.Web.Tests.Security;

/// <summary>As docker/compose.yaml runs it: behind a proxy (forwarded headers trusted), reached at a configured public URL.</summary>
public sealed class ProxiedAppFixture : AppFixture
{
    public const string PublicBaseUrl = "https://market.example.cn";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ForwardedHeaders_Enabled"] = "true", // what ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets
        ["App:PublicBaseUrl"] = PublicBaseUrl,
    };
}

public partial class BehindAProxyTests(ProxiedAppFixture app) : WebTest<ProxiedAppFixture>(app)
{
    private HttpClient Client(string host, bool overTls)
    {
        var client = App.Factory.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri($"http://{host}"), AllowAutoRedirect = false, HandleCookies = false });
        if (overTls) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Over_TLS_at_the_proxy_HSTS_is_sent_and_every_cookie_is_Secure(bool overTls)
    {
        var client = Client("market.example.cn", overTls);
        var form = await client.GetAsync("/Identity/Account/Login");
        form.Headers.Contains("Strict-Transport-Security").ShouldBe(overTls);
        form.Headers.GetValues("Set-Cookie").ShouldAllBe(c => IsSecure(c) == overTls);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery."));

        var token = Browser.TokenFrom(await form.Content.ReadAsStringAsync());
        var login = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                { ["Input.Email"] = "officer@aidmarket.demo", ["Input.Password"] = DemoSeeder.DemoPassword, ["__RequestVerificationToken"] = token }),
        };
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var response = await client.SendAsync(login);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => IsSecure(c) == overTls);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("AidMarket.Auth="));
        auth.ShouldContain("httponly", Case.Insensitive);
        response.Headers.Contains("Strict-Transport-Security").ShouldBe(overTls);
    }

    private static bool IsSecure(string setCookie) => setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_forged_Host_header_changes_no_link_in_an_invitation_a_statement_card_or_the_API_document()
    {
        var admin = new Browser(App.Factory.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false, HandleCookies = true }));
        await admin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");
        var invited = await admin.SubmitAsync("/Organization/Members",
            new Dictionary<string, string> { ["InviteEmail"] = "new.buyer@canteen.cn", ["InviteRole"] = "Receiver" }, "/Organization/Members?handler=Invite");
        var link = InvitationLink().Match(await invited.Content.ReadAsStringAsync()).Groups[1].Value;
        link.ShouldStartWith(ProxiedAppFixture.PublicBaseUrl + "/Identity/Account/AcceptInvitation?token=");
        var mail = await Eventually.ReturnsAsync(() => Task.FromResult(App.MailFiles()), f => f.Length == 1);
        var mailText = (await MimeKit.MimeMessage.LoadAsync(mail[0])).TextBody ?? "";
        mailText.ShouldNotContain("evil.example");
        mailText.ShouldContain("market.example.cn");

        var officer = new Browser(App.Factory.CreateClient(new WebApplicationFactoryClientOptions
            { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false, HandleCookies = true }));
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var household = await App.QueryAsync(db => db.Households.Where(h => h.CountyCode == "451029").FirstAsync());
        var cards = WebUtility.HtmlDecode(await officer.GetPageAsync($"/County/Households/Cards?id={household.Id}"));
        Regex.Match(cards, "data-url=\"([^\"]+)\"").Groups[1].Value.ShouldBe($"{ProxiedAppFixture.PublicBaseUrl}/Statement?card={household.CardCode}");
        cards.ShouldNotContain("evil.example");

        var doc = await Client("evil.example", overTls: false).GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        doc.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()).ShouldBe([ProxiedAppFixture.PublicBaseUrl]);
    }

    [GeneratedRegex("data-testid=\"invitation-link\">([^<]+)</div>")]
    private static partial Regex InvitationLink();
}
