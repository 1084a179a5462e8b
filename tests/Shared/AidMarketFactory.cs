using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace AidMarket.Testing;

/// <summary>The real app (Program) on a test database; settings override appsettings for this instance only.</summary>
public class AidMarketFactory(string connectionString, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>One household-data key for the whole test run: instances sharing a database read each other's rows.</summary>
    public static readonly string TestKey = AppProcess.HouseholdKey;

    public ConcurrentQueue<string> Logs { get; } = new();

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "aidmarket-mail-" + Guid.NewGuid().ToString("N")[..8]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AidMarket", connectionString);
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("SensitiveData:Key", TestKey);
        // A configured database gets no demo logins unless asked for; tests ask (a setting of null leaves it unset).
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Storage:ProductImagesPath", Path.Combine(Path.GetTempPath(), "aidmarket-images-" + Guid.NewGuid().ToString("N")[..8]));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        // Every log line at every level, to prove what never reaches the logs.
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(new CapturingLoggerProvider(Logs));
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
        // Demo passwords hashed with fewer rounds: seeding per test stays fast. Production keeps the default.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
    }
}

public sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);
    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
