using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace AidMarket.Web.Input;

/// <summary>
/// Binds booleans as usual, but a value that is not one ("maybe") leaves only its error: a checkbox re-rendered from the
/// raw value would throw, so the form is shown again with the message instead of a server error.
/// </summary>
public sealed class BooleanBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext context)
    {
        await inner.BindModelAsync(context);
        if (!context.Result.IsModelSet && context.ModelState.TryGetValue(context.ModelName, out var entry) && entry.Errors.Count > 0)
            context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: entry.AttemptedValue);
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) == typeof(bool)
                ? new BooleanBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }
}
