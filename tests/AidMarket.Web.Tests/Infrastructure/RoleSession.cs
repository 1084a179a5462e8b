namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>A browser signed in as one demo role (or anonymous), with an antiforgery token valid for any of its forms.</summary>
public sealed class RoleSession(string role, Browser browser, string token)
{
    public const string Anonymous = "anonymous";

    /// <summary>Anonymous, then each demo login by the part of its email before the @ ("admin", "officer", "purchaser"...).</summary>
    public static readonly string[] Roles = [Anonymous, .. DemoSeeder.DemoUsers.Select(u => u.Email.Split('@')[0])];

    public string Role { get; } = role;
    public Browser Browser { get; } = browser;
    public string Token { get; private set; } = token;

    public static async Task<RoleSession> OpenAsync(AppFixture app, string role)
    {
        var browser = new Browser(app.Factory);
        if (role == Anonymous) return new RoleSession(role, browser, Browser.TokenFrom(await browser.GetPageAsync("/Identity/Account/Login")));
        await browser.LogInOrThrowAsync(role + "@aidmarket.demo");
        return new RoleSession(role, browser, Browser.TokenFrom(await browser.GetPageAsync("/")));
    }

    /// <summary>The ERP of <paramref name="organizationId"/>: a client sending a fresh API key of that buyer organization.</summary>
    public static async Task<RoleSession> OpenApiKeyAsync(AppFixture app, Guid organizationId)
    {
        var (key, secret) = AidMarket.Web.Api.ApiKey.Create(organizationId, "ERP", await app.QueryAsync(db => db.Users.Select(u => u.Id).FirstAsync()));
        await app.ExecuteAsync(async db => { db.ApiKeys.Add(key); await db.SaveChangesAsync(); });
        var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return new RoleSession(ApiKey, new Browser(client), "");
    }

    public const string ApiKey = "apikey";

    public static async Task<IReadOnlyList<RoleSession>> OpenAllAsync(AppFixture app) =>
        await Task.WhenAll(Roles.Select(r => OpenAsync(app, r)));

    /// <summary>Signs in again after a request that signed this role out (the logout form).</summary>
    public async Task RestoreAsync()
    {
        if (Role is Anonymous or ApiKey) return;
        await Browser.LogInOrThrowAsync(Role + "@aidmarket.demo");
        Token = Browser.TokenFrom(await Browser.GetPageAsync("/"));
    }

    /// <summary>Sends the request with this session's cookies, adding the antiforgery token to a form body.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (method == HttpMethod.Get) return await Browser.Client.GetAsync(url);
        var form = fields.Append(new("__RequestVerificationToken", Token));
        return await Browser.Client.PostAsync(url, new FormUrlEncodedContent(form));
    }
}
