using AidMarket.Domain.Organizations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property<uint>("Version").IsRowVersion(); // PostgreSQL xmin: a lost update becomes a concurrency error
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
    }
}
