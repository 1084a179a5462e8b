using AidMarket.Domain.Organizations;
using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.HasIndex(o => new { o.Kind, o.Name }).IsUnique();
        b.HasOne<County>().WithMany().HasForeignKey(o => o.CountyCode);
    }
}
