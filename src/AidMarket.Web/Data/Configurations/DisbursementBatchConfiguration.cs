using AidMarket.Domain.Payments;
using AidMarket.Domain.Producers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

/// <summary>
/// Household disbursement batches and their lines. A line changes state once (paid or failed); the journal entry written with it
/// carries a source key shared by both outcomes, so the database refuses a second answer for the same line (decision note 014).
/// </summary>
public class DisbursementBatchConfiguration : IEntityTypeConfiguration<DisbursementBatch>
{
    public void Configure(EntityTypeBuilder<DisbursementBatch> b)
    {
        b.ToTable("disbursement_batches");
        b.Property(x => x.CountyCode).HasMaxLength(6);
        b.HasOne<AidMarket.Domain.Regions.County>().WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CountyCode, x.CreatedAt });
        b.Ignore(x => x.Total);
        b.Ignore(x => x.IsComplete);
        b.OwnsMany(x => x.Lines, l =>
        {
            l.ToTable("disbursement_lines");
            l.WithOwner().HasForeignKey("BatchId");
            l.HasKey(x => x.Id);
            l.Property(x => x.Id).ValueGeneratedNever();
            l.HasIndex("BatchId", nameof(DisbursementLine.HouseholdId)).IsUnique();
            l.HasIndex(x => x.HouseholdId);
            l.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            l.Property(x => x.BankReference).HasMaxLength(100);
            l.Property(x => x.FailureReason).HasMaxLength(300);
        });
        b.Navigation(x => x.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
