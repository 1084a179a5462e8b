using AidMarket.Web.Payments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class BankTransferRecordConfiguration : IEntityTypeConfiguration<BankTransferRecord>
{
    public void Configure(EntityTypeBuilder<BankTransferRecord> b)
    {
        b.ToTable("bank_transfers");
        b.Property(t => t.SlipKey).HasMaxLength(64);
        b.HasIndex(t => t.SlipKey).IsUnique();
        b.Property(t => t.Memo).HasMaxLength(500);
        b.Property(t => t.Reference).HasMaxLength(12);
        b.Property(t => t.RecordedBy).HasMaxLength(450);
        b.Property(t => t.Resolution).HasMaxLength(500);
        b.Ignore(t => t.NeedsHandling);
    }
}
