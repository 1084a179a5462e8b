using System.Collections.Concurrent;
using System.Diagnostics;
using AidMarket.Web.Tests.Identity;

namespace AidMarket.Web.Tests.Input;

/// <summary>
/// Every route the app has (read from its endpoints and its pages' handler methods) gets every kind of bad input, as
/// anonymous and as each demo role: none answers with a server error. See decision note 025.
/// </summary>
public class HostileInputTests(AppFixture app, ITestOutputHelper output) : WebTest(app)
{
    private sealed record Probe(string Label, HttpMethod Method, string Url, List<KeyValuePair<string, string>> Fields, string Route = "");

    [Fact]
    public async Task No_route_answers_bad_input_with_a_server_error()
    {
        var ids = (await DemoScenario.CreateAsync(App)).Own;
        var routes = await AppRoutes.AllAsync(App.Factory.Services);
        var probes = routes.OrderBy(r => r.Template.Contains("/Logout")).SelectMany(r => ProbesOf(r, ids).Select(p => p with { Route = r.Key })).ToList();
        var sessions = await RoleSession.OpenAllAsync(App);
        var memberships = await App.QueryAsync(db => db.Users.Where(u => u.Email!.EndsWith("@aidmarket.demo"))
            .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new { u.Email, o.Kind, u.Role }).ToListAsync());
        var failures = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;

        await Task.WhenAll(sessions.Select(async session =>
        {
            var me = memberships.SingleOrDefault(m => m.Email!.StartsWith(session.Role + "@"));
            // Anonymous everywhere; a signed-in role where its rule lets it in (elsewhere it is turned away before any input is read).
            foreach (var probe in probes.Where(p => me is null || AccessRules.Table.GetValueOrDefault(p.Route)?.Allows(me.Kind, me.Role) != false))
            {
                using var response = await session.SendAsync(probe.Method, probe.Url, probe.Fields);
                Interlocked.Increment(ref sent);
                if ((int)response.StatusCode >= 500) failures.Enqueue($"{session.Role} {probe.Label}: {probe.Method} {probe.Url} → {(int)response.StatusCode}");
            }
        }));
        await ProbeApiAsync(ids, failures);

        output.WriteLine($"{routes.Count} routes, {probes.Count} probes, {sent} requests over {sessions.Count} roles in {clock.Elapsed.TotalSeconds:0} s");
        failures.ShouldBeEmpty(string.Join("\n", failures.Order().Concat(ServerErrors())));
    }

    private static IEnumerable<Probe> ProbesOf(AppRoute route, OrgIds ids)
    {
        var method = new HttpMethod(route.Method);
        if (method != HttpMethod.Get && method != HttpMethod.Post) yield break;
        foreach (var hostile in HostileCorpus.FieldClasses)
        {
            var url = AppRoutes.Url(route, (template, name) =>
                // Servers refuse a NUL in the path before the app sees it (so does the test server).
                template.Contains("{" + name + "}") && hostile.Value(typeof(string)) is { } text && !text.Contains('\0') ? text : DemoScenario.ValueFor(ids, template, name));
            var fields = route.Fields.Select(f => KeyValuePair.Create(f.Name.Replace(AppRoutes.Key, KeyFor(route, ids).ToString()),
                hostile.Value(f.Type) ?? HostileCorpus.Sensible(f.Type, f.Name, IdFor(f.Name, ids)))).ToList();
            yield return ProbeOf(hostile.Name, method, url, fields);
            if (method == HttpMethod.Get && hostile.Name == "max") yield return ProbeOf("huge page", method, url, [.. HostileCorpus.HugePage]);
        }
        if (!route.IsPage || route.Handler is not null || route.Method != "GET") yield break;
        // Once per page: a POST naming no handler, and a handler the page does not have.
        var page = AppRoutes.Url(route, (template, name) => DemoScenario.ValueFor(ids, template, name));
        yield return new Probe("no handler", HttpMethod.Post, page, []);
        yield return new Probe("unknown handler", HttpMethod.Post, page + "?handler=Nope", []);
        yield return new Probe("unknown handler", HttpMethod.Get, page + "?handler=Nope", []);
    }

    private static Probe ProbeOf(string label, HttpMethod method, string url, List<KeyValuePair<string, string>> fields)
    {
        if (method != HttpMethod.Get || fields.Count == 0) return new Probe(label, method, url, fields);
        var query = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        return new Probe(label, method, url + (url.Contains('?') ? "&" : "?") + query, []);
    }

    /// <summary>A real record for an id field, so bad input reaches the code behind the lookup.</summary>
    private static Guid IdFor(string field, OrgIds ids) => field.ToLowerInvariant() switch
    {
        var f when f.Contains("product") => ids.Product,
        var f when f.Contains("household") => ids.Household,
        var f when f.Contains("supplier") => ids.Supplier,
        var f when f.Contains("order") => ids.SupplierOrder,
        var f when f.Contains("invoice") => ids.Invoice,
        _ => Guid.NewGuid(),
    };

    private static Guid KeyFor(AppRoute route, OrgIds ids) => route.Template.Contains("/Lot/") ? ids.Household : ids.Product;

    private async Task ProbeApiAsync(OrgIds ids, ConcurrentQueue<string> failures)
    {
        var client = (await RoleSession.OpenApiKeyAsync(App, ids.Organization)).Browser.Client;
        foreach (var (name, body) in HostileCorpus.JsonBodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
                { Content = new StringContent(body.Replace("{product}", ids.Product.ToString()), System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                failures.Enqueue($"api {name}: POST /api/v1/orders → {status} {response.Content.Headers.ContentType}");
        }
        foreach (var url in new[] { "/api/v1/products?q=a%00b", "/api/v1/products?q=%01%1b&county=%00", "/api/v1/products?page=2147483647" })
        {
            using var response = await client.GetAsync(url);
            if ((int)response.StatusCode >= 500) failures.Enqueue($"api: GET {url} → {(int)response.StatusCode}");
        }
    }

    /// <summary>The exceptions the app logged, to read beside the failing requests.</summary>
    private IEnumerable<string> ServerErrors() => App.Factory.Logs.Where(l => l.StartsWith("Error") && l.Contains("Exception"))
        .Select(l => l.Split('\n')[0] + " " + l.Split('\n').FirstOrDefault(f => f.Contains("at AidMarket."))?.Trim()).Distinct().Take(40).Prepend("--- logged:");
}
