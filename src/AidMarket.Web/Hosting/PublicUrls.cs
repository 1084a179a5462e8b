using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Hosting;

public sealed class AppOptions
{
    /// <summary>Where people reach the app, such as https://market.example.cn; links in emails and QR codes start with it.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Absolute links to the app for emails, QR codes, Stripe's return address and the API document: from App:PublicBaseUrl,
/// else from the address the app listens on. Never from a request's Host header, which whoever sends the request chooses.
/// </summary>
public sealed class PublicUrls(IOptions<AppOptions> options, IServer server, IConfiguration configuration)
{
    /// <summary>The base URL, ending without a slash.</summary>
    public string Base => Resolve().AbsoluteUri.TrimEnd('/');

    /// <summary>An absolute URL for an app path such as "/Statement?card=…".</summary>
    public string To(string pathAndQuery) => Base + "/" + pathAndQuery.TrimStart('/');

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            return TryParse(options.Value.PublicBaseUrl) ?? throw new InvalidOperationException(Invalid);
        // The addresses the server bound (a port 0 resolved), else the configured ones before it started.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        if (listening.Count == 0) listening = (configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var first = listening.FirstOrDefault(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) ?? listening.FirstOrDefault();
        return TryParse(WithNamedHost(first?.Trim() ?? "")) ?? new Uri("http://localhost");
    }

    /// <summary>A wildcard listening address (0.0.0.0, [::], +, *) is no address to send anyone to.</summary>
    private static string WithNamedHost(string address)
    {
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
            if (address.Contains(wildcard, StringComparison.Ordinal)) return address.Replace(wildcard, "://localhost");
        return address;
    }

    private const string Invalid = "App:PublicBaseUrl must be an absolute http or https URL.";

    private static Uri? TryParse(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppOptions>().Bind(configuration.GetSection("App"))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || TryParse(o.PublicBaseUrl) is not null, Invalid)
            .ValidateOnStart();
        services.AddSingleton<PublicUrls>();
    }
}
