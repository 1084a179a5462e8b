using AidMarket.Domain.Ledger;
using AidMarket.Web.Ledger;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class SettlementRecordConfiguration : IEntityTypeConfiguration<SettlementRecord>
{
    public void Configure(EntityTypeBuilder<SettlementRecord> b)
    {
        b.ToTable("settlements");
        b.HasKey(s => s.SupplierOrderId);
        b.HasIndex(s => s.JournalEntryId).IsUnique();
        b.HasOne<AidMarket.Domain.Procurement.SupplierOrder>().WithMany().HasForeignKey(s => s.SupplierOrderId);
        b.HasOne<JournalEntry>().WithMany().HasForeignKey(s => s.JournalEntryId);
        b.Property(s => s.HouseholdShare).HasColumnName("household_fen");
        b.Property(s => s.SupplierPart).HasColumnName("supplier_fen");
    }
}
