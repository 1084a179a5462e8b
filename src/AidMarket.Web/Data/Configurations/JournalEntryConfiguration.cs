using AidMarket.Domain.Ledger;
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
        b.Ignore(e => e.Total);
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
