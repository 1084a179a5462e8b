namespace AidMarket.Web;

/// <summary>Marker for the shared UI strings: keys are the English text, Resources/SharedResource.zh-Hans.resx holds the Chinese.</summary>
public sealed class SharedResource;
