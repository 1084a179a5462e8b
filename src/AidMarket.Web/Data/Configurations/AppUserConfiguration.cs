using AidMarket.Domain.Organizations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId);
        b.HasIndex(u => u.OrganizationId);
    }
}
