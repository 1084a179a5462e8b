using AidMarket.Web;
using AidMarket.Web.Api;
using AidMarket.Web.Catalog;
using AidMarket.Web.Data.Seed;
using AidMarket.Web.Hosting;
using AidMarket.Web.Imports;
using AidMarket.Web.Input;
using AidMarket.Web.Messaging;
using AidMarket.Web.Payments;
using AidMarket.Web.Procurement;
using AidMarket.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Locate() });
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

using var startupLogs = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
var startupLogger = startupLogs.CreateLogger("AidMarket.Startup");

LocalPostgres? localPostgres = null;
var dataFolder = AppDataDirectory.From(builder.Configuration);
var connectionString = builder.Configuration.GetConnectionString("AidMarket");
if (string.IsNullOrEmpty(connectionString))
{
    var localOptions = builder.Configuration.GetSection("LocalDatabase").Get<LocalDatabaseOptions>() ?? new();
    localOptions.DataDirectory = dataFolder.Root;
    localPostgres = await LocalPostgres.StartAsync(localOptions, startupLogger);
    EarlierDataFolder.Adopt(dataFolder, new(AppDataDirectory.Default), localPostgres.Created, builder.Configuration, startupLogger);
    connectionString = localPostgres.ConnectionString;
}

builder.Services.AddAidMarketData(connectionString);
builder.Services.AddAidMarketLocalization();
builder.Services.AddRazorPages(o =>
    {
        o.Conventions.AuthorizeFolder("/Admin", Policies.PlatformAdmin);
        o.Conventions.AuthorizeFolder("/Organization", Policies.OrganizationInviter);
        o.Conventions.AuthorizeFolder("/Notifications");
        o.Conventions.AuthorizeFolder("/Supplier", Policies.SupplierManager);
        o.Conventions.AuthorizeFolder("/County", Policies.CountyOfficer);
        o.Conventions.AuthorizeFolder("/Suppliers");
        o.Conventions.AuthorizeFolder("/Buyer", Policies.BuyerMember);
        o.Conventions.AuthorizeAreaFolder("Identity", "/Account/Manage");
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddInputGuards();

builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 8;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
    })
    .AddEntityFrameworkStores<AidMarketDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<AppClaimsFactory>()
    .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "AidMarket.Auth";
    o.LoginPath = "/Identity/Account/Login";
    o.LogoutPath = "/Identity/Account/Logout";
    o.AccessDeniedPath = "/Identity/Account/AccessDenied";
});
Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(builder.Services, TimeProvider.System);
builder.Services.AddSingleton<AidMarket.Web.Api.ApiKeyCache>();
builder.Services.AddAuthentication()
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AidMarket.Web.Api.ApiKeyAuthenticationHandler>(
        AidMarket.Web.Api.ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization(o =>
{
    Policies.Add(o);
    o.AddPolicy(AidMarket.Web.Api.BuyerApi.Policy, p => p.AddAuthenticationSchemes(AidMarket.Web.Api.ApiKeyAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser().RequireClaim(AppClaims.OrganizationKind, "Buyer"));
});
builder.Services.AddProblemDetails();
builder.Services.AddBuyerApiDocument();
PublicUrls.Add(builder.Services, builder.Configuration);
builder.Services.AddScoped(sp => CurrentUser.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? new()));
builder.Services.AddHttpContextAccessor();

// Keys in PostgreSQL: every instance behind a load balancer reads the same cookies; encrypted there (note 023).
builder.Services.AddDataProtection().PersistKeysToDbContext<AidMarketDbContext>().SetApplicationName("AidMarket")
    .ProtectKeysWithHouseholdKey();

builder.Services.Configure<EmailOptions>(builder.Configuration.GetSection("Email"));
builder.Services.PostConfigure<EmailOptions>(o =>
{
    if (string.IsNullOrEmpty(o.PickupDirectory))
        o.PickupDirectory = dataFolder.Mail;
});
builder.Services.AddSingleton<Mailer>();
builder.Services.Configure<SensitiveDataOptions>(builder.Configuration.GetSection("SensitiveData"));
if (localPostgres is not null)
    builder.Services.PostConfigure<SensitiveDataOptions>(o => o.KeyFile ??= dataFolder.HouseholdKeyFile);
builder.Services.AddSingleton<SensitiveData>();
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
builder.Services.PostConfigure<StorageOptions>(o =>
{
    if (string.IsNullOrEmpty(o.ProductImagesPath)) o.ProductImagesPath = dataFolder.ProductImages;
});
builder.Services.AddSingleton<ProductImageStore>();
builder.Services.AddMemoryCache(o => o.SizeLimit = 20_000);
builder.Services.AddSingleton<StorefrontCache>();
builder.Services.AddOutputCache(StorefrontOutputCache.Add);
builder.Services.AddSingleton<ImportQueue>();
builder.Services.AddSingleton<IImporter, HouseholdImporter>();
builder.Services.AddSingleton<IImporter, ProductImporter>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.Configure<StandingOrderOptions>(builder.Configuration.GetSection("StandingOrders"));
builder.Services.AddScoped<AidMarket.Web.Procurement.OrderPlacement>();
builder.Services.AddSingleton<AidMarket.Web.Procurement.StandingOrderJob>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AidMarket.Web.Procurement.StandingOrderJob>());
builder.Services.Configure<CertificationExpiryOptions>(builder.Configuration.GetSection("Certification:Expiry"));
builder.Services.AddSingleton<CertificationExpiryJob>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<CertificationExpiryJob>());
builder.Services.Configure<AidMarket.Web.Ledger.SettlementOptions>(builder.Configuration.GetSection("Settlement"));
builder.Services.AddSingleton<AidMarket.Web.Ledger.SettlementRunner>();
builder.Services.AddSingleton(new AidMarket.Web.Ledger.LedgerIntegrity(connectionString));
builder.Services.Configure<AidMarket.Web.Payments.BankAccountOptions>(builder.Configuration.GetSection("Payments:BankAccount"));
builder.Services.AddHostedService<AidMarket.Web.Ledger.SettlementJob>();
builder.Services.AddScoped<AidMarket.Web.Payments.SupplierPayouts>();
var statementOptions = builder.Configuration.GetSection("Statement").Get<AidMarket.Web.Statements.StatementOptions>() ?? new();
builder.Services.Configure<AidMarket.Web.Statements.StatementOptions>(builder.Configuration.GetSection("Statement"));
builder.Services.AddSingleton<AidMarket.Web.Statements.StatementCardLimiter>();
builder.Services.AddSingleton<AidMarket.Web.Statements.StatementAccess>();
builder.Services.AddRateLimiter(o => AidMarket.Web.Statements.StatementAccess.AddRateLimit(o, statementOptions));
builder.Services.AddAidMarketStripe(builder.Configuration);
builder.Services.AddAidMarketMessaging(builder.Configuration);
builder.Services.Configure<SeedOptions>(o => o.Demo = SeedOptions.DemoFor(builder.Configuration, localPostgres is not null));
builder.Services.AddSingleton<DemoMode>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddHealthChecks().AddDbContextCheck<AidMarketDbContext>("database", tags: ["ready"]);

var app = builder.Build();

if (AdminCommands.Matches(args))
{
    try { return await AdminCommands.RunAsync(app.Services, connectionString, args, Console.Out); }
    finally { if (localPostgres is not null) await localPostgres.StopAsync(); }
}

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts(); // only on HTTPS requests, which includes X-Forwarded-Proto: https behind a trusted proxy
}
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseApiProblemResponses();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();
app.UseAntiforgery();
app.MapRazorPages();
app.MapCultureSwitch();
app.MapProductImages();
app.MapImportStatus();
app.MapBuyerApi();
app.MapStripeWebhook();
app.MapOpenApi("/api/{documentName}/openapi.json");
app.MapBenchmarkBaseline(connectionString);
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync });

try
{
    _ = app.Services.GetRequiredService<SensitiveData>(); // a missing or published household key stops the app here
    await DatabaseInitializer.InitializeAsync(app.Services);
}
catch (Exception ex) when (ex is AidMarket.Web.Data.Migrations.DatabaseTooOldException or HouseholdKeyException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    if (localPostgres is not null) await localPostgres.StopAsync();
    return 2;
}

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, localPostgres));
try
{
    await app.RunAsync();
}
finally
{
    if (localPostgres is not null) await localPostgres.StopAsync();
}
return 0;

public partial class Program;
