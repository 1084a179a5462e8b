// The AidMarket benchmark: seeds a large certified catalog, drives the running app on loopback with wrk and prints
// requests/s, p50/p99 latency, errors and the app's peak memory for each scenario, as ratios of a raw-Npgsql baseline page.
// Run it with tests/bench.sh (see the README); it needs AIDMARKET_TEST_PG (an admin connection string) and wrk.
using System.Globalization;
using System.Net;
using AidMarket.Benchmarks;
using AidMarket.Testing;
using Npgsql;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var adminConnection = Environment.GetEnvironmentVariable("AIDMARKET_TEST_PG")
    ?? throw new InvalidOperationException("AIDMARKET_TEST_PG is not set: run this through tests/bench.sh");
var root = AppProcess.RepositoryRoot();
var work = Directory.CreateTempSubdirectory("aidmarket-bench-").FullName;
Console.WriteLine($"AidMarket benchmark: {options.Products:N0} products, {options.Suppliers:N0} suppliers, {options.Connections} connections, "
                  + $"{options.Seconds} s per scenario ({Environment.ProcessorCount} cores). Work files: {work}");

const string database = "aidmarket_bench";
await using (var admin = NpgsqlDataSource.Create(adminConnection))
{
    await CatalogSeeder.ExecAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    await CatalogSeeder.ExecAsync(admin, $"CREATE DATABASE {database}");
}
var connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database, MaxPoolSize = 60 }.ConnectionString;
await using var db = NpgsqlDataSource.Create(connectionString);
// The apps get a connection pool sized to the machine, as they would be deployed on it: on two cores PostgreSQL does more with
// thirty-two connections than with sixty, which mostly wait for a core while holding their row locks (decision note 018).
var appConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 16 * Environment.ProcessorCount }.ConnectionString;

var clock = System.Diagnostics.Stopwatch.StartNew();
// The apps' own settlement sweep is off: the ledger section times settlement on its own, in the operator command.
// Stripe is on with test keys, for the webhook ingest scenario (its API base is unreachable: ingest needs no call to Stripe).
const string webhookSecret = "whsec_bench_only";
var appSettings = new Dictionary<string, string>
{
    ["Settlement__Enabled"] = "false", ["Stripe__SecretKey"] = "sk_test_bench", ["Stripe__PublishableKey"] = "pk_test_bench",
    ["Stripe__WebhookSecret"] = webhookSecret, ["Stripe__ApiBase"] = "http://127.0.0.1:9",
};
await using var app = await AppProcess.StartAsync(root, appConnectionString, work, "app-1", appSettings);
Console.WriteLine($"app started at {app.Url} (migrated, demo data seeded) in {clock.Elapsed.TotalSeconds:0.0} s");

clock.Restart();
await CatalogSeeder.SeedAsync(db, options.Suppliers, options.Products);
var onSale = (await CatalogSeeder.ListAsync(db, "SELECT count(*) FROM products WHERE certification_status = 'Certified'", r => r.GetInt64(0))).Single();
Console.WriteLine($"seeded {options.Suppliers:N0} suppliers and {options.Products:N0} products in {clock.Elapsed.TotalSeconds:0.0} s ({onSale:N0} certified products in all)");

var apiKey = await CatalogSeeder.CreateBuyerWithApiKeyAsync(db);
var orderable = await CatalogSeeder.OrderableAsync(db, 1000);
var productIds = await CatalogSeeder.ListAsync(db,
    "SELECT id FROM products WHERE certificate_number LIKE '%-2025-B%' ORDER BY md5(id::text) LIMIT 2000", r => r.GetGuid(0));
var counties = await CatalogSeeder.ListAsync(db, "SELECT code FROM counties ORDER BY code", r => r.GetString(0));
var categories = await CatalogSeeder.ListAsync(db, "SELECT DISTINCT category FROM products ORDER BY 1", r => r.GetString(0));

// What the storefront's visitors do: the first pages of the listing, sorted and filtered by county or category...
var listing = Enumerable.Range(1, 10).Select(p => p == 1 ? "/" : $"/?p={p}")
    .Concat(["/?Sort=PriceLow", "/?Sort=PriceHigh", "/?Sort=Newest&p=2"])
    .Concat(counties.Select(c => $"/?County={c}"))
    .Concat(categories.Select(c => $"/?Category={WebUtility.UrlEncode(c)}"))
    .ToList();
// ...searches in Chinese (substrings of names) and English...
var search = new[] { "松茸", "绿茶", "高山绿茶", "蜂蜜", "土鸡蛋", "猕猴桃", "山茶油", "富硒大米", "黑木耳", "百香果", "核桃", "辣椒酱", "生姜", "红薯粉条",
        "tea", "honey", "organic", "kiwi", "walnut", "ginger" }
    .Select(q => $"/?Q={WebUtility.UrlEncode(q)}").ToList();
// ...and product pages.
var products = productIds.Select(id => $"/Products/{id}").ToList();

var scenarios = new (string Name, string Path, string Script, double MinRatio, double? MaxP99Ms)[]
{
    ("baseline", "/bench/baseline", Wrk.RandomGets(["/bench/baseline"]), 1, null),
    ("listing", "/", Wrk.RandomGets(listing), 0.35, 50),
    ("search", "/?Q=", Wrk.RandomGets(search), 0.25, null),
    ("product page", "/Products/{id}", Wrk.RandomGets(products), 0.35, 50),
    ("API order (10 lines, 3 suppliers)", "POST /api/v1/orders", Wrk.ApiOrders(apiKey, orderable), 0.10, 250),
    ("Stripe webhook ingest", "POST /stripe/webhook", Wrk.StripeWebhooks(webhookSecret, 20_000), 0.20, null),
};
var results = new List<(LoadResult Result, double MinRatio, double? MaxP99Ms)>();
if (!options.SkipLoad)
{
    foreach (var s in scenarios.Where(s => s.Name == "baseline" || options.Only.Count == 0 || options.Only.Any(o => s.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
    {
        await Wrk.RunAsync(s.Name + "-warmup", app.Url, s.Script, options.Connections, options.WarmupSeconds, work);
        // What autovacuum does within a minute in a running marketplace: without it, a table the warm-up filled from empty
        // keeps the plans made while it was empty (its foreign-key checks scan it whole), and the figure depends on when
        // autovacuum happens to wake (decision note 018).
        await CatalogSeeder.ExecAsync(db, "ANALYZE");
        var r = await Wrk.RunAsync(s.Name, app.Url, s.Script, options.Connections, options.Seconds, work) with { PeakMemoryMiB = app.PeakMemoryMiB() };
        Console.WriteLine($"  {s.Name,-36} {r.RequestsPerSecond,9:N0} req/s  p50 {r.P50Ms,7:0.00} ms  p99 {r.P99Ms,7:0.00} ms  errors {r.Errors,5}  "
                          + $"peak memory {r.PeakMemoryMiB:N0} MiB");
        results.Add((r, s.MinRatio, s.MaxP99Ms));
    }
}

Console.WriteLine();
Console.WriteLine("Concurrency check: 1,000 parallel API orders of one unit for a product with 500 units, against two app instances");
await using var second = await AppProcess.StartAsync(root, appConnectionString, work, "app-2", appSettings);
var race = await OrderRace.RunAsync(db, apiKey, [app.Url, second.Url], options.RaceOrders, options.RaceUnits);
Console.WriteLine($"  {race.Created} orders placed, {race.NotEnoughStock} told \"not enough stock\", {race.OtherClientErrors} other 4xx, "
                  + $"{race.ServerErrors} server errors, {race.TransportErrors} transport errors in {race.Elapsed.TotalSeconds:0.00} s");
Console.WriteLine($"  units sold {race.UnitsSold} of {race.StockBefore}, stock left {race.StockLeft}: {(race.Passed ? "PASS" : "FAIL")}");

// The ledger section runs alone: the web instances are stopped so their work does not blur its figures.
await second.DisposeAsync();
await app.DisposeAsync();
LedgerResult? ledger = null;
if (options.Settlements > 0 && (options.Only.Count == 0 || options.Only.Any(o => "ledger settlement".Contains(o, StringComparison.OrdinalIgnoreCase))))
    ledger = await LedgerBench.RunAsync(root, connectionString, work, options.Settlements);

var missed = 0;
if (ledger is not null && !ledger.Met) missed++;
if (results.Count > 0)
{
    var baseline = results[0].Result.RequestsPerSecond;
    Console.WriteLine();
    Console.WriteLine($"{"scenario",-36} {"req/s",9} {"ratio",7} {"target",7} {"p50 ms",8} {"p99 ms",8} {"p99 max",8} {"errors",7} {"peak MiB",9}  verdict");
    foreach (var (r, minRatio, maxP99) in results)
    {
        var ratio = r.RequestsPerSecond / baseline;
        var ok = ratio >= minRatio && (maxP99 is null || r.P99Ms <= maxP99) && r.Errors == 0;
        if (!ok) missed++;
        Console.WriteLine($"{r.Name,-36} {r.RequestsPerSecond,9:N0} {ratio,7:P0} {minRatio,7:P0} {r.P50Ms,8:0.00} {r.P99Ms,8:0.00} "
                          + $"{(maxP99 is null ? "-" : maxP99.Value.ToString("0")),8} {r.Errors,7} {r.PeakMemoryMiB,9:N0}  {(ok ? "met" : "MISSED")}");
    }
    if (ledger is not null) ledger.PrintRows();
    Console.WriteLine($"{"concurrency check",-36} {(race.Passed ? "exactly " + race.UnitsSold + " sold, stock 0, no server errors" : "FAILED"),-60}  {(race.Passed ? "met" : "MISSED")}");
}
Console.WriteLine(missed == 0 && race.Passed ? "All targets met." : $"{missed + (race.Passed ? 0 : 1)} target(s) missed.");
if (!options.Keep) Directory.Delete(work, recursive: true);
return race.Passed ? 0 : 1;

sealed record BenchOptions(int Products, int Suppliers, int Connections, int Seconds, int WarmupSeconds, int RaceOrders, int RaceUnits, bool SkipLoad,
    bool Keep)
{
    /// <summary>Supplier orders the ledger section settles (0: skip it).</summary>
    public int Settlements { get; init; } = 100_000;

    /// <summary>Scenarios to run besides the baseline (parts of their names); empty: all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(100_000, 5_000, 64, 15, 5, 1_000, 500, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--products" => o with { Products = int.Parse(Next()) },
                "--suppliers" => o with { Suppliers = int.Parse(Next()) },
                "--connections" => o with { Connections = int.Parse(Next()) },
                "--duration" => o with { Seconds = int.Parse(Next()) },
                "--warmup" => o with { WarmupSeconds = int.Parse(Next()) },
                "--race-orders" => o with { RaceOrders = int.Parse(Next()) },
                "--race-units" => o with { RaceUnits = int.Parse(Next()) },
                "--skip-load" => o with { SkipLoad = true },
                "--keep" => o with { Keep = true },
                "--settlements" => o with { Settlements = int.Parse(Next()) },
                "--only" => o with { Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException($"unknown option {args[i]}: use --products N --suppliers N --connections N --duration S "
                                                 + "--warmup S --race-orders N --race-units N --settlements N --skip-load --keep --only listing,search,product,order,ledger"),
            };
        }
        return o;
    }
}
