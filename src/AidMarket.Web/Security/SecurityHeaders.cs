using Microsoft.AspNetCore.CookiePolicy;

namespace AidMarket.Web.Security;

/// <summary>
/// Headers every response carries, and cookies marked Secure whenever the request came over HTTPS (directly or, with
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED, through a TLS proxy's X-Forwarded-Proto). Decision note 024.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from our own files (no inline script, style attribute or event handler anywhere), images also
    /// as data: URLs (the 明白卡 QR codes), and never inside another site's frame.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            // On starting, so that responses rewritten later (the error page, status pages) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, HttpOnly = HttpOnlyPolicy.None });
    }
}
