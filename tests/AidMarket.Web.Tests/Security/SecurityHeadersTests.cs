using System.Text.RegularExpressions;
using AidMarket.Web.Security;

namespace AidMarket.Web.Tests.Security;

public partial class SecurityHeadersTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task Every_response_forbids_inline_script_framing_sniffing_and_full_referrers()
    {
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        foreach (var url in new[] { "/", "/css/site.css", "/no-such-page", "/api/v1/products", "/api/v1/openapi.json", "/County/Households", "/health/live" })
        {
            var response = await officer.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem(url);
            csp.ShouldBe(SecurityHeaders.ContentSecurityPolicy, url);
            csp.ShouldContain("script-src 'self';");
            csp.ShouldNotContain("unsafe-inline");
            csp.ShouldContain("frame-ancestors 'none'");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], url);
            response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"], url);
            response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"], url);
            response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse(url); // plain HTTP: HSTS is for HTTPS only
        }
    }

    [Fact]
    public void No_page_has_inline_script_an_event_handler_or_a_style_attribute()
    {
        var web = Path.Combine(Hosting.HostingTests.RepositoryRoot(), "src", "AidMarket.Web");
        var offences = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .SelectMany(f => Offence().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(web, f)}: {m.Value}"))
            .ToList();
        offences.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_pages_that_print_or_poll_load_their_script_from_a_file_that_is_served()
    {
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var household = await App.QueryAsync(db => db.Households.Where(h => h.CountyCode == "451029").Select(h => h.Id).FirstAsync());
        var cards = await officer.GetPageAsync($"/County/Households/Cards?id={household}");
        cards.ShouldContain("data-print");
        cards.ShouldContain("src=\"/js/site.js");
        var script = await officer.GetAsync("/js/site.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).ShouldContain("[data-print]");
        Offence().Matches(cards).ShouldBeEmpty(); // nor in what the page renders (the QR codes are data: images)
    }

    /// <summary>A script element without src, an on…= handler attribute, a style attribute or a javascript: URL.</summary>
    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex Offence();
}
