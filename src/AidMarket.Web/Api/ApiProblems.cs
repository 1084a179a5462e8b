namespace AidMarket.Web.Api;

/// <summary>Every error answer under /api is application/problem+json, never the web app's HTML status pages.</summary>
public static class ApiProblems
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// Inside the HTML status pages: an empty API error (a 404, a body that would not bind) gets a problem body here
    /// instead of being re-executed as /Status/{code}, which answered a POST with an empty 400 from antiforgery.
    /// </summary>
    public static IApplicationBuilder UseApiProblemResponses(this IApplicationBuilder app) =>
        app.UseWhen(IsApi, api => api.UseStatusCodePages(c => WriteAsync(c.HttpContext, c.HttpContext.Response.StatusCode, null, null)));

    public static Task WriteAsync(HttpContext context, int status, string? title, string? detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
