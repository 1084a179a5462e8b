using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>A value the route takes: where it goes (query, form, route) and its type, for building requests.</summary>
public sealed record RouteField(string Name, Type Type, bool InQuery);

/// <summary>One thing a client can call: a page handler (GET or POST, named or not) or a minimal-API endpoint.</summary>
public sealed record AppRoute(string Method, string Template, string? Handler, bool IsPage, IReadOnlyList<RouteField> Fields)
{
    /// <summary>The key of the rule tables: "GET /Buyer/Cart", "POST /Buyer/Cart?handler=Add".</summary>
    public string Key => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";

    public bool TakesId => Template.Contains('{');
}

/// <summary>Every route of the running app, read from its own endpoints and its compiled pages' handler methods.</summary>
public static class AppRoutes
{
    /// <summary>Stands for a dictionary's key in a field name ("Quantities[{key}]"): the caller puts in a record's id.</summary>
    public const string Key = "{key}";

    public static async Task<IReadOnlyList<AppRoute>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<AppRoute>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // An Index page answers at ".../Index" and at its folder: the folder's (shorter) address stands for both.
        foreach (var pageEndpoints in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                     .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            var endpoint = pageEndpoints.MinBy(e => e.RoutePattern.RawText!.Length)!;
            var page = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            routes.AddRange(PageRoutes(TemplateOf(endpoint), page));
        }
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null))
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                routes.Add(new AppRoute(method, TemplateOf(endpoint), null, false, ApiFields(endpoint)));
        return routes.DistinctBy(r => r.Key).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    private static string TemplateOf(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    /// <summary>The address of <paramref name="route"/> with each {parameter} replaced by <paramref name="valueOf"/>(template, name).</summary>
    public static string Url(AppRoute route, Func<string, string, string> valueOf)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route.Template, @"\{([A-Za-z]+)[^}]*\}",
            m => Uri.EscapeDataString(valueOf(route.Template, m.Groups[1].Value)));
        return route.Handler is null ? path : $"{path}?handler={route.Handler}";
    }

    private static IEnumerable<AppRoute> PageRoutes(string template, CompiledPageActionDescriptor page)
    {
        // A page model's own filter overrides (OnPageHandlerExecuting) are listed as handlers of a "PAGE" method: not routes.
        var handlers = page.HandlerMethods.Where(h => h.MethodInfo.GetBaseDefinition().DeclaringType != typeof(PageModel)).ToList();
        if (handlers.Count == 0) handlers = [new HandlerMethodDescriptor { HttpMethod = "GET", Parameters = [] }];
        foreach (var h in handlers)
        {
            var isGet = h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase);
            var fields = page.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                .Where(p => !isGet || p.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true)
                .SelectMany(p => FieldsOf(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, isGet, 0))
                .Concat(h.Parameters.Where(IsClientValue).SelectMany(p => FieldsOf(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, isGet, 0)));
            yield return new AppRoute(h.HttpMethod.ToUpperInvariant(), template, string.IsNullOrEmpty(h.Name) ? null : h.Name, true, fields.ToList());
        }
    }

    private static bool IsClientValue(HandlerParameterDescriptor p) =>
        p.ParameterType != typeof(CancellationToken) && p.BindingInfo?.BindingSource != BindingSource.Services;

    private static List<RouteField> ApiFields(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method) return [];
        return method.GetParameters().Where(p => p.ParameterType == typeof(string) || p.ParameterType == typeof(int?) || p.ParameterType == typeof(int))
            .Select(p => new RouteField(p.Name!, p.ParameterType, true)).ToList();
    }

    /// <summary>The form or query names a value of <paramref name="type"/> binds from, down two levels of nested input models.</summary>
    private static IEnumerable<RouteField> FieldsOf(string name, Type type, bool inQuery, int depth)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(bare)) return [new RouteField(name, bare, inQuery)];
        if (bare.IsGenericType && bare.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return [new RouteField($"{name}[{Key}]", Nullable.GetUnderlyingType(bare.GetGenericArguments()[1]) ?? bare.GetGenericArguments()[1], inQuery)];
        if (bare.IsGenericType && bare.GetGenericArguments() is [var item])
            return IsSimple(item) ? [new RouteField(name, item, inQuery)] : FieldsOf($"{name}[0]", item, inQuery, depth + 1);
        if (typeof(IFormFile).IsAssignableFrom(bare) || depth > 1 || !bare.IsClass) return [];
        return bare.GetProperties().Where(p => p.CanWrite).SelectMany(p => FieldsOf($"{name}.{p.Name}", p.PropertyType, inQuery, depth + 1));
    }

    private static bool IsSimple(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
        || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(DateTime);
}
