using AidMarket.Domain.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Admin.Organizations;

public class IndexModel(AidMarketDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, OrganizationKind Kind, string? CountyName, int Members);

    [BindProperty(SupportsGet = true)] public OrganizationKind? Kind { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking();
        if (Kind is { } kind) query = query.Where(o => o.Kind == kind);
        Rows = await query
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind,
                db.Counties.Where(c => c.Code == o.CountyCode).Select(c => c.Name).FirstOrDefault(),
                db.Users.Count(u => u.OrganizationId == o.Id)))
            .ToListAsync(ct);
    }
}
