using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages;

/// <summary>The storefront: search, filters and sorting over certified, unexpired products of approved suppliers.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = StorefrontOutputCache.PolicyName)]
public class IndexModel(AidMarketDbContext db, CurrentUser me, StorefrontCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public QualityLabelKind? Label { get; set; }
    [BindProperty(SupportsGet = true)] public SupplierKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Paired { get; set; }
    [BindProperty(SupportsGet = true)] public StorefrontSort Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<StorefrontRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + StorefrontQuery.PageSize - 1) / StorefrontQuery.PageSize);
    public IReadOnlyList<County> Counties { get; private set; } = [];
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public bool CanFilterPaired { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || County is not null || Category is not null || Label is not null || Kind is not null || Paired;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var paired = await StorefrontQuery.PairedCountiesAsync(db, me, ct);
        CanFilterPaired = paired.Count > 0;
        Paired &= CanFilterPaired;
        StorefrontFacets facets;
        (Rows, Total, facets) = await StorefrontQuery.PageAsync(db, cache, new StorefrontFilter(Q, County, Category, Label, Kind, Paired, Sort, PageNumber), paired, today, ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        (Counties, Categories) = facets;
    }

    /// <summary>This page's URL with one parameter changed: links keep every other filter.</summary>
    public string UrlWith(string key, object? value)
    {
        var values = new Dictionary<string, string?>
        {
            ["Q"] = Q, ["County"] = County, ["Category"] = Category, ["Label"] = Label?.ToString(), ["Kind"] = Kind?.ToString(),
            ["Paired"] = Paired ? "true" : null, ["Sort"] = Sort == StorefrontSort.Relevance ? null : Sort.ToString(), ["p"] = null,
        };
        values[key] = value?.ToString();
        return "/" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
