using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.Property<uint>("Version").IsRowVersion(); // PostgreSQL xmin: a lost update becomes a concurrency error
        b.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId);
        b.HasOne<County>().WithMany().HasForeignKey(p => p.CountyCode);
        b.Property(p => p.NameZh).HasMaxLength(200);
        b.Property(p => p.NameEn).HasMaxLength(200);
        b.Property(p => p.Unit).HasMaxLength(20);
        b.Property(p => p.CertificateNumber).HasMaxLength(40);
        b.HasIndex(p => p.CertificateNumber).IsUnique();
        b.HasIndex(p => new { p.CertificationStatus, p.CertificateExpiresOn });
        b.HasIndex(p => p.SupplierId);
        b.HasIndex(p => p.BasePrice).HasDatabaseName("ix_products_base_price_fen");
        b.Ignore(p => p.TierPrices);
        b.Ignore(p => p.QualityLabels);
        b.Ignore(p => p.Images);
        b.JsonList<Product, TierPrice>("_tiers", "tier_prices");
        b.JsonList<Product, QualityLabel>("_labels", "quality_labels");
        b.JsonList<Product, ProductImage>("_images", "images");
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_products_stock", "stock >= 0");
            t.HasCheckConstraint("ck_products_min_order", "min_order_quantity >= 1");
        });
    }
}
