using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using AidMarket.Web.Data;
using AidMarket.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace AidMarket.BrowserTests;

/// <summary>Under the Content-Security-Policy (no inline script or style) the pages still work in Chromium and break no rule.</summary>
public class ContentSecurityPolicyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    /// <summary>Records every violation the browser reports, and print() calls instead of opening the print dialog.</summary>
    private const string Watch = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
        window.print = () => { window.__printed = (window.__printed || 0) + 1; };
        """;

    private static async Task<string[]> ViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("window.__violations");

    [Fact]
    public async Task Pages_break_no_policy_rule_and_the_print_button_prints()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var county = await db.Organizations.Where(o => o.Name == "田林县乡村振兴局").Select(o => o.CountyCode).SingleAsync();
        var household = await db.Households.Where(h => h.CountyCode == county).Select(h => h.Id).FirstAsync();
        var product = await db.Products.Where(p => p.CertificateNumber != null).Select(p => p.Id).FirstAsync();

        var page = await app.NewPageAsync();
        await page.Context.AddInitScriptAsync(Watch);
        await new LoginPage(page).LogInAsync("officer@aidmarket.demo", DemoSeeder.DemoPassword);
        foreach (var url in new[] { "/", $"/Products/{product}", "/Statement", "/County/Households", $"/County/Households/Details/{household}",
                     "/County/Households/Import", $"/County/Households/Cards?id={household}" })
        {
            var response = await page.GotoAsync(url);
            response!.Ok.ShouldBeTrue(url);
            (await ViolationsAsync(page)).ShouldBeEmpty(url);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "打印", Exact = true }).ClickAsync();
        (await page.EvaluateAsync<int>("window.__printed || 0")).ShouldBe(1);
        (await page.EvaluateAsync<bool>("[...document.images].every(i => i.complete && i.naturalWidth > 0)")).ShouldBeTrue("QR codes (data: images) load");
        (await ViolationsAsync(page)).ShouldBeEmpty();

        // The watch itself works: a style attribute set now is refused and reported.
        await page.EvaluateAsync("document.body.setAttribute('style', 'color: red')");
        await page.WaitForFunctionAsync("window.__violations.length > 0");
        (await ViolationsAsync(page)).ShouldHaveSingleItem().ShouldStartWith("style-src-attr");
    }
}
