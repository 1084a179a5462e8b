using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;

namespace AidMarket.Web.Catalog;

public enum StorefrontSort { Relevance, PriceLow, PriceHigh, Newest }

/// <summary>What a visitor asked the storefront for; every field is a query-string parameter, so result pages have stable URLs.</summary>
public sealed record StorefrontFilter(string? Q, string? County, string? Category, QualityLabelKind? Label, SupplierKind? Kind, bool Paired,
    StorefrontSort Sort, int Page);
