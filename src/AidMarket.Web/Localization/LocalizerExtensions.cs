
namespace AidMarket.Web.Localization;

public static class LocalizerExtensions
{
    /// <summary>A broken domain rule in the user's language: resource "Error.{Code}", else the rule's own English text.</summary>
    public static string Error(this IStringLocalizer localizer, DomainException ex)
    {
        var text = localizer["Error." + ex.Code, ex.Arguments];
        return text.ResourceNotFound ? ex.Message : text.Value;
    }
}
