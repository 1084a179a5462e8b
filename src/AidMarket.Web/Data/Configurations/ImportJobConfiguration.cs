using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

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
