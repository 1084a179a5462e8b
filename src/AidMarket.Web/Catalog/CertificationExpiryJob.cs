using AidMarket.Domain.Catalog;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Catalog;

public class CertificationExpiryOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Marks certificates expired on their date and warns suppliers 30 days before. The storefront already hides a
/// product on its expiry date; this job records the change, tells the supplier, and is safe on several instances:
/// each product is claimed with FOR UPDATE SKIP LOCKED and changed once.
/// </summary>
public class CertificationExpiryJob(IServiceScopeFactory scopes, IOptions<CertificationExpiryOptions> options, ILogger<CertificationExpiryJob> logger)
    : BackgroundService
{
    private static readonly CurrentUser System = new(null, "AidMarket", null, null, null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                var (expired, warned) = await RunOnceAsync(DateOnly.FromDateTime(DateTime.UtcNow), stoppingToken);
                if (expired + warned > 0) logger.LogInformation("Certificates: {Expired} expired, {Warned} warned", expired, warned);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Certification expiry run failed; retrying at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public async Task<(int Expired, int Warned)> RunOnceAsync(DateOnly today, CancellationToken ct)
    {
        var warnBefore = today.AddDays(Product.ExpiryWarningDays);
        var expired = await ProcessAsync(db => db.Products.FromSql($"""
            SELECT *, xmin FROM products WHERE certification_status = 'Certified' AND certificate_expires_on <= {today}
            ORDER BY certificate_expires_on LIMIT 200 FOR UPDATE SKIP LOCKED
            """), (db, product, org) =>
        {
            if (!product.ExpireIfDue(today)) return false;
            db.Publish(new CertificationChanged(product.Id, org, product.NameZh, "Expired", product.CertificateNumber, product.CertificateExpiresOn, null));
            db.Audit(AuditEntry.Record(System, "Audit.CertificationExpired", nameof(Product), product.Id, product.CountyCode, null,
                new { Product = product.NameZh, Status = product.CertificationStatus.ToString(), product.CertificateNumber }));
            return true;
        }, ct);
        var warned = await ProcessAsync(db => db.Products.FromSql($"""
            SELECT *, xmin FROM products WHERE certification_status = 'Certified' AND expiry_warned_at IS NULL
              AND certificate_expires_on > {today} AND certificate_expires_on <= {warnBefore}
            ORDER BY certificate_expires_on LIMIT 200 FOR UPDATE SKIP LOCKED
            """), (db, product, org) =>
        {
            if (!product.NeedsExpiryWarning(today)) return false;
            product.MarkExpiryWarned(DateTimeOffset.UtcNow);
            db.Publish(new CertificationChanged(product.Id, org, product.NameZh, "ExpiringSoon", product.CertificateNumber, product.CertificateExpiresOn, null));
            return true;
        }, ct);
        return (expired, warned);
    }

    /// <summary>Claims batches of products and applies <paramref name="change"/> until no claimable product is left.</summary>
    private async Task<int> ProcessAsync(Func<AidMarketDbContext, IQueryable<Product>> claim,
        Func<AidMarketDbContext, Product, Guid, bool> change, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = await claim(db).ToListAsync(ct);
            if (batch.Count == 0) return total;
            var supplierIds = batch.Select(p => p.SupplierId).Distinct().ToList();
            var orgs = await db.Suppliers.Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.OrganizationId, ct);
            var changed = batch.Count(product => change(db, product, orgs[product.SupplierId]));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            total += changed;
            if (changed == 0) return total; // nothing the rule would change: do not claim the same rows forever
        }
    }
}
