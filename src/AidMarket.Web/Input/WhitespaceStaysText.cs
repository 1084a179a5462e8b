using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AidMarket.Web.Input;

/// <summary>
/// A non-nullable string property keeps what was posted: by default "   " binds as null, and page code that trims the
/// field before validation (a lot code, a card code, a legal name) then failed with a null reference. The field's
/// [Required] still refuses blank text.
/// </summary>
public sealed class WhitespaceStaysText : IDisplayMetadataProvider
{
    private readonly NullabilityInfoContext _nullability = new();

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string) && context.Key.PropertyInfo is { } property && IsNonNullable(property))
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }

    private bool IsNonNullable(PropertyInfo property)
    {
        lock (_nullability) return _nullability.Create(property).WriteState == NullabilityState.NotNull;
    }
}
