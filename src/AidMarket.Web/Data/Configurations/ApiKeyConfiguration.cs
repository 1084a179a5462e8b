using AidMarket.Domain.Organizations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class ApiKeyConfiguration : IEntityTypeConfiguration<Api.ApiKey>
{
    public void Configure(EntityTypeBuilder<Api.ApiKey> b)
    {
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasIndex(k => k.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId);
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(12);
        b.Property(k => k.Hash).HasMaxLength(64);
    }
}
