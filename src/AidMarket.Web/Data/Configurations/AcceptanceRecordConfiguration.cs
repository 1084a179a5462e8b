using AidMarket.Domain.Procurement;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class AcceptanceRecordConfiguration : IEntityTypeConfiguration<AcceptanceRecord>
{
    public void Configure(EntityTypeBuilder<AcceptanceRecord> b)
    {
        b.HasIndex(x => x.SupplierOrderId);
        b.HasOne<SupplierOrder>().WithMany().HasForeignKey(x => x.SupplierOrderId);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
    }
}
