using AidMarket.Domain.Procurement;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.HasIndex(x => x.SupplierOrderId);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasOne<SupplierOrder>().WithMany().HasForeignKey(x => x.SupplierOrderId);
        b.Property(x => x.Number).HasMaxLength(60);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
    }
}
