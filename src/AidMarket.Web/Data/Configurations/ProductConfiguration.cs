using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId);
        b.HasOne<County>().WithMany().HasForeignKey(p => p.CountyCode);
        b.Property(p => p.NameZh).HasMaxLength(200);
        b.Property(p => p.NameEn).HasMaxLength(200);
        b.Property(p => p.Unit).HasMaxLength(20);
        b.Property(p => p.CertificateNumber).HasMaxLength(40);
        b.HasIndex(p => p.CertificateNumber).IsUnique();
        b.HasIndex(p => new { p.CertificationStatus, p.CertificateExpiresOn });
        b.OwnsMany(p => p.TierPrices, t => t.ToJson());
        b.OwnsMany(p => p.QualityLabels, l => l.ToJson());
        b.Navigation(p => p.TierPrices).HasField("_tiers");
        b.Navigation(p => p.QualityLabels).HasField("_labels");
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_products_stock", "stock >= 0");
            t.HasCheckConstraint("ck_products_min_order", "min_order_quantity >= 1");
        });
    }
}
