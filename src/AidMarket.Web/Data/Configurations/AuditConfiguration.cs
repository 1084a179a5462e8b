using AidMarket.Web.Auditing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasIndex(a => new { a.CountyCode, a.At });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.Property(a => a.Action).HasMaxLength(60);
        b.Property(a => a.EntityType).HasMaxLength(40);
        b.Property(a => a.Before).HasColumnType("jsonb");
        b.Property(a => a.After).HasColumnType("jsonb");
        b.Ignore(a => a.BeforeValues);
        b.Ignore(a => a.AfterValues);
    }
}

public class CertificateSequenceConfiguration : IEntityTypeConfiguration<CertificateSequence>
{
    public void Configure(EntityTypeBuilder<CertificateSequence> b) => b.HasKey(s => new { s.CountyCode, s.Year });
}

public class ImportJobConfiguration : IEntityTypeConfiguration<Imports.ImportJob>
{
    public void Configure(EntityTypeBuilder<Imports.ImportJob> b)
    {
        b.HasIndex(j => new { j.OrganizationId, j.CreatedAt });
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.Errors).HasColumnType("jsonb");
        b.Ignore(j => j.ErrorList);
        b.Ignore(j => j.Duration);
    }
}
