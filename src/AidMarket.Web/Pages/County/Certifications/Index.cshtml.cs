using AidMarket.Domain.Catalog;

namespace AidMarket.Web.Pages.CountyDesk.Certifications;

public class IndexModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : CountyPageModel(db, me, l)
{
    public sealed record Row(Guid Id, string Name, string SupplierName, CertificationStatus Status, string? CertificateNumber, DateOnly? ExpiresOn, DateTimeOffset? AppliedAt);

    [BindProperty(SupportsGet = true)] public CertificationStatus? Status { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var status = Status ?? CertificationStatus.Pending;
        Rows = await (from p in Db.Products.AsNoTracking()
                      join s in Db.Suppliers on p.SupplierId equals s.Id
                      where p.CountyCode == County && p.CertificationStatus == status
                      orderby p.AppliedAt, p.CertificateExpiresOn
                      select new Row(p.Id, p.NameZh, s.LegalName, p.CertificationStatus, p.CertificateNumber, p.CertificateExpiresOn, p.AppliedAt))
            .ToListAsync(ct);
        Status = status;
    }
}
