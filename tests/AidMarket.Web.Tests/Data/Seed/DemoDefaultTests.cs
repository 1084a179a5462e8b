using AidMarket.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Data.Seed;

/// <summary>A configured database gets no demo logins unless asked for; when they exist every page says so.</summary>
public class DemoDefaultTests
{
    private const string Banner = "data-testid=\"demo-banner\"";
    private static readonly Dictionary<string, string?> NoSeedSetting = new() { ["Seed:Demo"] = null };

    [Fact]
    public async Task With_a_connection_string_and_no_seed_setting_there_is_no_demo_login_and_no_banner()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new AidMarketFactory(database.ConnectionString, NoSeedSetting);
        var browser = new Browser(app);

        var login = await browser.LogInAsync("admin@aidmarket.demo");
        login.StatusCode.ShouldNotBe(HttpStatusCode.Redirect, "no one may log in with the published demo password");
        (await browser.GetAsync("/Admin/Organizations")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarket.Web.Data.AidMarketDbContext>();
        (await db.Users.CountAsync(u => u.Email!.EndsWith("@aidmarket.demo"))).ShouldBe(0);
        (await db.Organizations.CountAsync()).ShouldBe(0);
        (await browser.GetPageAsync("/")).ShouldNotContain(Banner);
    }

    [Fact]
    public async Task With_the_demo_asked_for_every_page_says_its_password_is_public_in_both_languages()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new AidMarketFactory(database.ConnectionString);
        var browser = new Browser(app);

        (await browser.GetPageAsync("/")).ShouldContain("演示数据：演示账号的密码是公开的，请勿用于生产");
        (await browser.GetPageAsync("/Identity/Account/Login")).ShouldContain(Banner);
        await browser.LogInOrThrowAsync("officer@aidmarket.demo");
        (await browser.GetPageAsync("/County/Households")).ShouldContain(Banner);
        await browser.GetAsync("/culture?culture=en&returnUrl=%2F");
        (await browser.GetPageAsync("/")).ShouldContain("Demo data: the demo accounts&#x27; password is public; do not use in production.");
    }

    [Fact]
    public async Task Demo_logins_left_by_an_earlier_run_keep_the_banner_after_the_seed_is_turned_off()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var seeded = new AidMarketFactory(database.ConnectionString))
            _ = seeded.Server;
        await using var later = new AidMarketFactory(database.ConnectionString, NoSeedSetting);
        (await new Browser(later).GetPageAsync("/")).ShouldContain(Banner);
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(null, false, false)]
    [InlineData("false", true, false)]
    [InlineData("true", false, true)]
    [InlineData("True", false, true)]
    public void An_explicit_setting_wins_over_the_default_of_the_embedded_database(string? setting, bool embedded, bool demo)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Seed:Demo"] = setting }).Build();
        SeedOptions.DemoFor(configuration, embedded).ShouldBe(demo);
    }
}
