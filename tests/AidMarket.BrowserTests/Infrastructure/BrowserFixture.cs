using AidMarket.Testing;
using Microsoft.Playwright;

namespace AidMarket.BrowserTests.Infrastructure;

/// <summary>The app on Kestrel (a real port on 127.0.0.1) with its own database, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private IPlaywright _playwright = null!;

    public AidMarketFactory Factory { get; private set; } = null!;
    /// <summary>Stripe's API and hosted checkout page, faked on its own port; the app is configured to use it.</summary>
    public FakeStripe Stripe { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("AIDMARKET_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}. Install it with `apt-get install chromium fonts-noto-cjk` (tests/run.sh does).");
        _database = await TestDatabase.CreateAsync();
        Stripe = await FakeStripe.StartAsync();
        Factory = new AidMarketFactory(_database.ConnectionString, Stripe.Settings);
        Factory.UseKestrel(0);
        Factory.StartServer();
        Stripe.Webhooks = () => Factory.CreateClient();
        BaseUrl = Factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), with the page's base URL set to the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(Environment.GetEnvironmentVariable("AIDMARKET_TEST_RESULTS") ?? Path.GetTempPath(), "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Factory.DisposeAsync();
        await Stripe.DisposeAsync();
        await _database.DisposeAsync();
    }
}
