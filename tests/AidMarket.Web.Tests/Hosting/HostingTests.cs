using System.Text.Json;

namespace AidMarket.Web.Tests.Hosting;

public class HostingTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task Stylesheets_are_served_from_the_top_level_wwwroot()
    {
        var browser = NewBrowser();
        var site = await browser.GetAsync("/css/site.css");
        site.StatusCode.ShouldBe(HttpStatusCode.OK);
        site.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        var expected = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "wwwroot", "css", "site.css"));
        (await site.Content.ReadAsStringAsync()).ShouldBe(expected);

        var bootstrap = await browser.GetAsync("/lib/bootstrap/css/bootstrap.min.css");
        bootstrap.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Liveness_and_readiness_report_healthy_with_database_and_bus_checked()
    {
        var browser = NewBrowser();
        (await browser.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ready = await browser.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        report.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        checks.ShouldContain("database");
        checks.ShouldContain(name => name!.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Unknown_pages_answer_404_with_a_page_in_the_users_language()
    {
        var response = await NewBrowser().GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AidMarket.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found");
    }
}
