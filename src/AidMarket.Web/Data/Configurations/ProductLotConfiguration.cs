using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class ProductLotConfiguration : IEntityTypeConfiguration<ProductLot>
{
    public void Configure(EntityTypeBuilder<ProductLot> b)
    {
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId);
        b.HasOne<Supplier>().WithMany().HasForeignKey(l => l.SupplierId);
        b.HasIndex(l => new { l.ProductId, l.LotCode }).IsUnique();
        b.Property(l => l.LotCode).HasMaxLength(50);
        b.OwnsMany(l => l.Contributions, c =>
        {
            c.ToTable("lot_contributions");
            c.WithOwner().HasForeignKey("LotId");
            c.HasKey("LotId", nameof(LotContribution.HouseholdId));
            c.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId);
            c.Property(x => x.Quantity).HasPrecision(14, 3);
            c.ToTable(t => t.HasCheckConstraint("ck_lot_contributions_quantity", "quantity > 0"));
        });
        b.Navigation(l => l.Contributions).HasField("_contributions");
        b.Ignore(l => l.TotalQuantity);
    }
}
