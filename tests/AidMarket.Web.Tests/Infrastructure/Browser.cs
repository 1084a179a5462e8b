using System.Text.RegularExpressions;
using AidMarket.Testing;
using AidMarket.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>An HTTP client that keeps cookies and submits forms with their antiforgery token, as a browser would.</summary>
public sealed partial class Browser(HttpClient client)
{
    private readonly HttpClient _client = client;

    public Browser(AidMarketFactory factory)
        : this(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })) { }

    /// <summary>A browser whose requests come from <paramref name="remoteIp"/>, for limits kept per address.</summary>
    public static Browser From(AidMarketFactory factory, System.Net.IPAddress remoteIp) =>
        new(new HttpClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler
            { InnerHandler = factory.Server.CreateHandler(http => http.Connection.RemoteIpAddress = remoteIp) })
            { BaseAddress = factory.Server.BaseAddress });

    public HttpClient Client => _client;

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await _client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="pageUrl"/>, takes its antiforgery token, and posts the fields to <paramref name="action"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var html = await GetPageAsync(pageUrl);
        return await PostWithTokenAsync(action ?? pageUrl, fields, TokenFrom(html));
    }

    public async Task<HttpResponseMessage> PostWithTokenAsync(string url, IDictionary<string, string> fields, string token)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await _client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Uploads one file as a browser's multipart form would, with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string pageUrl, string action, string field, byte[] content, string fileName, string contentType)
    {
        var token = TokenFrom(await GetPageAsync(pageUrl));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await _client.PostAsync(action, form);
    }

    public static string TokenFrom(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page");

    public async Task<HttpResponseMessage> LogInAsync(string email, string password = DemoSeeder.DemoPassword) =>
        await SubmitAsync("/Identity/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task LogInOrThrowAsync(string email, string password = DemoSeeder.DemoPassword)
    {
        var response = await LogInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
    }

    /// <summary>The Cookie header this browser sends, to replay the same session against another app instance.</summary>
    public async Task<string> CookieHeaderAsync()
    {
        var probe = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        (await _client.SendAsync(probe)).EnsureSuccessStatusCode();
        return probe.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
    }

    /// <summary>The id at the end of the page a successful form redirected to (the record it created).</summary>
    public static Guid RedirectId(HttpResponseMessage redirect) => Guid.Parse(redirect.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last());

    /// <summary>The validation messages a form page shows, for readable test failures.</summary>
    public static string ErrorsIn(string html) =>
        string.Join(" | ", ErrorPattern().Matches(html).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ").Trim()).Where(t => t.Length > 0));

    [GeneratedRegex("class=\"[^\"]*(?:validation-summary-errors|field-validation-error)[^\"]*\"[^>]*>(.*?)</(?:div|span)>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
