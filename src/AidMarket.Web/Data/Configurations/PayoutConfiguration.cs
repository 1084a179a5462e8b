using AidMarket.Domain.Payments;
using AidMarket.Domain.Producers;
using AidMarket.Web.Statements;
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
        b.Ignore(x => x.TotalFen);
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

public class SupplierPayoutBatchConfiguration : IEntityTypeConfiguration<SupplierPayoutBatch>
{
    public void Configure(EntityTypeBuilder<SupplierPayoutBatch> b)
    {
        b.ToTable("supplier_payout_batches");
        b.Ignore(x => x.TotalFen);
        b.HasMany(x => x.Payouts).WithOne().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Payouts).HasField("_payouts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class SupplierPayoutConfiguration : IEntityTypeConfiguration<SupplierPayout>
{
    public void Configure(EntityTypeBuilder<SupplierPayout> b)
    {
        b.ToTable("supplier_payouts");
        b.Property<uint>("Version").IsRowVersion(); // xmin: two people marking the same payout at once → one wins
        b.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.SupplierId);
        b.Property(p => p.BankReference).HasMaxLength(100);
        b.Property(p => p.FailureReason).HasMaxLength(SupplierPayout.MaxReasonLength);
        b.Property(p => p.StripeAccountId).HasMaxLength(Supplier.StripeAccountIdMaxLength);
        b.ToTable(t => t.HasCheckConstraint("ck_supplier_payouts_stripe_account", "(method = 'StripeConnect') = (stripe_account_id IS NOT NULL)"));
    }
}

public class StatementLookupConfiguration : IEntityTypeConfiguration<StatementLookup>
{
    public void Configure(EntityTypeBuilder<StatementLookup> b)
    {
        b.ToTable("statement_lookups");
        b.Property(x => x.CardCode).HasMaxLength(StatementLookup.CardCodeMaxLength);
        b.Property(x => x.IpAddress).HasMaxLength(45);
        b.Property(x => x.CountyCode).HasMaxLength(6);
        b.HasIndex(x => new { x.CountyCode, x.At });
        b.HasIndex(x => new { x.CardCode, x.At });
    }
}
