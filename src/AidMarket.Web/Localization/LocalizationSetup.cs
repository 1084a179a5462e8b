using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace AidMarket.Web.Localization;

public static class LocalizationSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly CultureInfo[] Cultures = [new(Chinese), new(English)];

    public static IServiceCollection AddAidMarketLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Chinese is written as text, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // zh-CN unless the user chose otherwise: the browser's language does not override the default.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// GET /culture?culture=en&amp;returnUrl=/: remembers the chosen language for a year and returns to the page. A GET form, so
    /// public pages carry no antiforgery token and can be shared from the output cache (decision note 011); the worst a forged
    /// link can do is change someone's language.
    /// </summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", (HttpContext http, string? culture, string? returnUrl) =>
        {
            var chosen = Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? Chinese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Input.LocalUrl.Safe(returnUrl));
        });
    }

    /// <summary>A path on this site: not "//host" or "/\\host", which browsers read as another site.</summary>
    public static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
