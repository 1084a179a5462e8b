using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Testing;

/// <summary>The real app (Program) on a test database; settings override appsettings for this instance only.</summary>
public class AidMarketFactory(string connectionString, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>One household-data key for the whole test run: instances sharing a database read each other's rows.</summary>
    public static readonly string TestKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "aidmarket-mail-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AidMarket", connectionString);
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("SensitiveData:Key", TestKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        // Demo passwords hashed with fewer rounds: seeding per test stays fast. Production keeps the default.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
    }
}
