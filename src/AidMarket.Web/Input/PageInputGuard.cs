using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AidMarket.Web.Input;

/// <summary>
/// Answers 400 before a page's code runs when the request names no handler the page has (a POST to a page without one
/// would render the page with nothing loaded), or when a value bound from the query, route or form holds control
/// characters. The status page then explains it in the user's language. Decision note 025.
/// </summary>
public sealed class PageInputGuard : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (LacksHandler(context) || context.ModelState.Values.Any(v => ControlCharacters.In(v.AttemptedValue)))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }

    /// <summary>A handler was asked for (by name, or by posting) and none matched; error and status pages re-executed with any method are left alone.</summary>
    private static bool LacksHandler(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is not null || context.ActionDescriptor.HandlerMethods.Count == 0) return false;
        var http = context.HttpContext;
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null) return false;
        return !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || context.RouteData.Values.ContainsKey("handler") || http.Request.Query.ContainsKey("handler");
    }
}
