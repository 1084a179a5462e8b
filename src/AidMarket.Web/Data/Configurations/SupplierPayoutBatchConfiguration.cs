using AidMarket.Domain.Payments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class SupplierPayoutBatchConfiguration : IEntityTypeConfiguration<SupplierPayoutBatch>
{
    public void Configure(EntityTypeBuilder<SupplierPayoutBatch> b)
    {
        b.ToTable("supplier_payout_batches");
        b.Ignore(x => x.Total);
        b.HasMany(x => x.Payouts).WithOne().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Payouts).HasField("_payouts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
