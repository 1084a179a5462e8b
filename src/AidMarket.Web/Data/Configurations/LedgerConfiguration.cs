using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Web.Payments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

/// <summary>
/// The ledger: entries and their postings in two tables. Triggers added by the migration make both append-only and refuse an
/// entry whose postings do not balance at commit (decision note 012).
/// </summary>
public class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.Property(e => e.SourceKey).HasMaxLength(JournalEntry.SourceKeyMaxLength);
        b.HasIndex(e => e.SourceKey).IsUnique();
        b.Property(e => e.Memo).HasMaxLength(500);
        b.Ignore(e => e.TotalFen);
        b.OwnsMany(e => e.Postings, p =>
        {
            p.ToTable("postings");
            p.WithOwner().HasForeignKey("EntryId");
            p.Property<long>("Id").UseIdentityAlwaysColumn();
            p.HasKey("Id");
            p.Property(x => x.Account).HasConversion(a => a.ToString(), s => LedgerAccount.Parse(s)).HasMaxLength(60);
            p.Property(x => x.Memo).HasMaxLength(300);
            p.Ignore(x => x.IsDebit);
            p.Ignore(x => x.IsCredit);
            p.HasIndex(x => x.Account);
        });
        b.Navigation(e => e.Postings).HasField("_postings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class SettlementRecordConfiguration : IEntityTypeConfiguration<SettlementRecord>
{
    public void Configure(EntityTypeBuilder<SettlementRecord> b)
    {
        b.ToTable("settlements");
        b.HasKey(s => s.SupplierOrderId);
        b.HasIndex(s => s.JournalEntryId).IsUnique();
        b.HasOne<AidMarket.Domain.Procurement.SupplierOrder>().WithMany().HasForeignKey(s => s.SupplierOrderId);
        b.HasOne<JournalEntry>().WithMany().HasForeignKey(s => s.JournalEntryId);
    }
}

public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.Property(i => i.Reference).HasMaxLength(12);
        b.HasIndex(i => i.Reference).IsUnique();
        b.HasIndex(i => i.SupplierOrderId).IsUnique();
        b.HasIndex(i => new { i.BuyerOrganizationId, i.IssuedAt });
        b.Property(i => i.OrderNumber).HasMaxLength(40);
        b.HasOne<AidMarket.Domain.Procurement.SupplierOrder>().WithMany().HasForeignKey(i => i.SupplierOrderId);
        b.JsonList<Invoice, InvoicePayment>("_payments", "payments");
        b.JsonList<Invoice, InvoiceRefund>("_refunds", "refunds");
        b.JsonList<Invoice, PaymentFailure>("_failures", "payment_failures").HasDefaultValueSql("'[]'::jsonb");
        b.Ignore(i => i.Payments);
        b.Ignore(i => i.Refunds);
        b.Ignore(i => i.PaymentFailures);
        b.Ignore(i => i.OpenFailure);
        b.Ignore(i => i.DueFen);
        b.Ignore(i => i.OutstandingFen);
        b.Ignore(i => i.ExcessFen);
        b.Ignore(i => i.Status);
    }
}

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

public class StripeEventRecordConfiguration : IEntityTypeConfiguration<StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<StripeEventRecord> b)
    {
        b.ToTable("stripe_events");
        b.Property(e => e.Id).HasMaxLength(255);
        b.Property(e => e.Type).HasMaxLength(100);
        b.Property(e => e.Error).HasMaxLength(500);
        b.HasIndex(e => e.ReceivedAt).HasFilter("processed_at IS NULL");
    }
}
