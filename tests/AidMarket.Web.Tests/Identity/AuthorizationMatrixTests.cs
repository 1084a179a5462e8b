using System.Collections.Concurrent;
using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Tests.Identity;

/// <summary>
/// Every route the app has, read from its own endpoints and pages, is checked against <see cref="AccessRules.Table"/>: each
/// demo role the rule refuses is refused (redirected to log in or to access denied, 401, 403 or 404), each it allows is
/// served, and where ids are scoped another organization's id gives 404. A route without a rule fails. Decision note 025.
/// </summary>
public class AuthorizationMatrixTests(AppFixture app, ITestOutputHelper output) : WebTest(app)
{
    private enum Outcome { Served, Refused, Hidden }

    private readonly ConcurrentDictionary<string, int> _foreignIdChecks = new();

    [Fact]
    public async Task Every_route_and_handler_has_a_declared_rule_and_every_rule_a_route()
    {
        var routes = await AppRoutes.AllAsync(App.Factory.Services);
        var keys = routes.Select(r => r.Key).ToList();
        keys.Where(k => !AccessRules.Table.ContainsKey(k)).ShouldBeEmpty("Add a rule to AccessRules.Table for each new route (decision note 025)");
        AccessRules.Table.Keys.Except(keys).ShouldBeEmpty("These rules name routes the app no longer has");
        routes.Where(r => r.TakesId && AccessRules.Table[r.Key].Ids == IdScope.NoId).Select(r => r.Key)
            .ShouldBeEmpty("A route taking an id says whether another organization's id must give 404 (OwnIds) or not (AnyIds)");
    }

    [Fact]
    public async Task Each_role_is_refused_or_served_as_its_rule_says_and_never_sees_another_organizations_ids()
    {
        var scenario = await DemoScenario.CreateAsync(App);
        var routes = (await AppRoutes.AllAsync(App.Factory.Services)).Where(r => AccessRules.Table.ContainsKey(r.Key))
            .OrderBy(r => r.Template.Contains("/Logout")).ToList();
        var sessions = (await RoleSession.OpenAllAsync(App)).Append(await RoleSession.OpenApiKeyAsync(App, scenario.Own.Organization)).ToList();
        var memberships = await MembershipsAsync();
        var failures = new ConcurrentQueue<string>();

        await Task.WhenAll(sessions.Select(async session =>
        {
            var (kind, role) = memberships.GetValueOrDefault(session.Role);
            foreach (var route in routes)
            {
                var rule = AccessRules.Table[route.Key];
                // An API key is no login: on pages its client is anonymous.
                var allowed = session.Role == RoleSession.ApiKey ? rule.ApiKey || rule.Anonymous : rule.Allows(kind, role);
                foreach (var problem in await CheckAsync(session, route, rule, allowed, scenario)) failures.Enqueue($"{session.Role} {route.Key}: {problem}");
                if (route.Template.Contains("/Logout")) await session.RestoreAsync();
            }
        }));

        output.WriteLine($"{routes.Count} routes × {sessions.Count} sessions, {_foreignIdChecks.Values.Sum()} requests with another organization's id");
        // Every scoped route was really asked for another organization's record by some role it lets in.
        routes.Where(r => AccessRules.Table[r.Key].Ids == IdScope.Organization).Select(r => r.Key).Except(_foreignIdChecks.Keys).ShouldBeEmpty();
        failures.ShouldBeEmpty(string.Join("\n", failures.Order()));
    }

    private async Task<List<string>> CheckAsync(RoleSession session, AppRoute route, AccessRule rule, bool allowed, DemoScenario scenario)
    {
        var problems = new List<string>();
        var (status, outcome) = await SendAsync(session, route, rule, scenario.Own);
        if (rule.Answers is { } always)
        {
            if (status != always) problems.Add($"answered {status}, expected {always}");
            return problems;
        }
        if (!allowed && outcome == Outcome.Served) problems.Add($"served ({status}) but the rule refuses this role");
        if (allowed && outcome == Outcome.Refused) problems.Add($"refused ({status}) but the rule allows this role");
        if (allowed && rule.Ids == IdScope.Organization && route.Method == "GET" && outcome == Outcome.Hidden)
            problems.Add("404 for the role's own record");
        if (allowed && rule.Ids == IdScope.Organization)
        {
            _foreignIdChecks.AddOrUpdate(route.Key, 1, (_, n) => n + 1);
            if ((await SendAsync(session, route, rule, scenario.Other)).Outcome != Outcome.Hidden) problems.Add("another organization's id was not answered with 404");
        }
        return problems;
    }

    private static async Task<(int Status, Outcome Outcome)> SendAsync(RoleSession session, AppRoute route, AccessRule rule, OrgIds ids)
    {
        var url = AppRoutes.Url(route, (template, name) => DemoScenario.ValueFor(ids, template, name));
        if (rule.QueryId is { } name) url += (url.Contains('?') ? "&" : "?") + name + "=" + DemoScenario.ValueFor(ids, route.Template, "id");
        // The API reads JSON (a form is refused with 415 before anyone is asked who they are).
        using var response = route.Method == "POST" && route.Template.StartsWith("/api/")
            ? await session.Browser.Client.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
            : await session.SendAsync(new HttpMethod(route.Method), url, []);
        var location = response.Headers.Location?.OriginalString ?? "";
        var status = (int)response.StatusCode;
        var refused = status is 401 or 403 || location.Contains("/Identity/Account/Login?ReturnUrl=") || location.Contains("/Identity/Account/AccessDenied");
        return (status, refused ? Outcome.Refused : status == 404 ? Outcome.Hidden : Outcome.Served);
    }

    /// <summary>Each demo login's organization kind and role, as the app stores them.</summary>
    private async Task<Dictionary<string, (OrganizationKind?, OrganizationRole?)>> MembershipsAsync() =>
        await App.QueryAsync(async db => (await (from u in db.Users join o in db.Organizations on u.OrganizationId equals o.Id
                where u.Email!.EndsWith("@aidmarket.demo") select new { u.Email, o.Kind, u.Role }).ToListAsync())
            .ToDictionary(x => x.Email!.Split('@')[0], x => ((OrganizationKind?)x.Kind, x.Role)));
}
