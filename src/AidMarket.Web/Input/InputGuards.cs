namespace AidMarket.Web.Input;

/// <summary>Registers the guards of decision note 025: no input, however hostile, reaches page code as a server error.</summary>
public static class InputGuards
{
    public static IMvcBuilder AddInputGuards(this IMvcBuilder mvc)
    {
        mvc.AddMvcOptions(o =>
        {
            o.Filters.Add(new PageInputGuard());
            o.ModelBinderProviders.Insert(0, new BooleanBinder.Provider());
            o.ModelMetadataDetailsProviders.Add(new WhitespaceStaysText());
        });
        mvc.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) => LocalizeBindingMessages(o, factory.Create(typeof(SharedResource))));
        return mvc;
    }

    /// <summary>A value that does not fit its field ("abc" for a number, "maybe" for a checkbox) is explained in the user's language.</summary>
    private static void LocalizeBindingMessages(MvcOptions options, IStringLocalizer l)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["The value '{0}' is not valid for {1}.", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetValueIsInvalidAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => l["The value entered for {0} is not valid.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["The value entered is not valid."]);
        messages.SetValueMustNotBeNullAccessor(value => l["The value '{0}' is not valid.", value]);
        messages.SetMissingBindRequiredValueAccessor(field => l["Please enter {0}.", field]);
        messages.SetValueMustBeANumberAccessor(field => l["{0} must be a number.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["The value must be a number."]);
    }
}
