using AidMarket.Testing;
using AidMarket.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>One running app on its own PostgreSQL database per test class; <see cref="ResetAsync"/> empties it and reseeds the demo data.</summary>
public class AppFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    public TestDatabase Database { get; private set; } = null!;
    public AidMarketFactory Factory { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new AidMarketFactory(Database.ConnectionString, Settings);
        _ = Factory.Server; // starts the app: migrations and demo seed
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__ef_migrations_history")],
        });
    }

    public async Task ResetAsync()
    {
        // The previous test's consumers may still be writing (notifications, inbox rows): a deadlock with
        // them is retried rather than failing the next test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(Database.ConnectionString);
                await connection.OpenAsync();
                await _respawner!.ResetAsync(connection);
                break;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable && attempt < 5)
            {
                await Task.Delay(100 * attempt);
            }
        }
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        if (Directory.Exists(Factory.MailDirectory)) Directory.Delete(Factory.MailDirectory, recursive: true);
    }

    /// <summary>The mails the app has finished writing to its pickup folder.</summary>
    public string[] MailFiles() =>
        Directory.Exists(Factory.MailDirectory) ? Directory.GetFiles(Factory.MailDirectory, "*.eml") : [];

    public async Task<T> QueryAsync<T>(Func<AidMarketDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AidMarketDbContext>());
    }

    public async Task ExecuteAsync(Func<AidMarketDbContext, Task> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AidMarketDbContext>());
    }

    /// <summary>Adds a user to an existing organization (for people the demo data has no login for).</summary>
    public async Task CreateUserAsync(string email, string organizationName, AidMarket.Domain.Organizations.OrganizationRole role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AidMarket.Web.Identity.AppUser>>();
        var org = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organizations, o => o.Name == organizationName);
        var user = new AidMarket.Web.Identity.AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        user.JoinOrganization(org, role);
        var result = await users.CreateAsync(user, DemoSeeder.DemoPassword);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Base for web tests: each test starts from the freshly seeded demo marketplace.</summary>
public abstract class WebTest<TFixture>(TFixture app) : IClassFixture<TFixture>, IAsyncLifetime where TFixture : AppFixture
{
    protected TFixture App { get; } = app;

    public virtual async ValueTask InitializeAsync() => await App.ResetAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected Browser NewBrowser() => new(App.Factory);

    /// <summary>A new browser signed in as <paramref name="email"/> (a demo login unless told otherwise).</summary>
    protected async Task<Browser> SignInAsync(string email)
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync(email);
        return browser;
    }
}

public abstract class WebTest(AppFixture app) : WebTest<AppFixture>(app);
