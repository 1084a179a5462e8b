using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace AidMarket.Web.Input;

/// <summary>
/// Binds booleans as usual, but a value that is not one ("maybe") leaves only its error, in the form's summary: a checkbox
/// re-rendered from the raw value would throw, so the form is shown again with the message instead of a server error.
/// </summary>
public sealed class BooleanBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext context)
    {
        await inner.BindModelAsync(context);
        if (context.Result.IsModelSet || !context.ModelState.TryGetValue(context.ModelName, out var entry) || entry.Errors.Count == 0) return;
        // A checkbox has no message of its own on our forms: the error goes to the form's summary.
        var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
        context.ModelState.Remove(context.ModelName);
        context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: entry.AttemptedValue);
        foreach (var message in messages) context.ModelState.AddModelError(string.Empty, message);
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) == typeof(bool)
                ? new BooleanBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }
}
