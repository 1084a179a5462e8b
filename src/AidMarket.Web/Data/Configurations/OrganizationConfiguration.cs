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

public class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(6);
        b.Property(c => c.Industries).HasColumnType("text[]");
    }
}

public class PartnerPairingConfiguration : IEntityTypeConfiguration<PartnerPairing>
{
    public void Configure(EntityTypeBuilder<PartnerPairing> b)
    {
        b.HasOne<County>().WithMany().HasForeignKey(p => p.CountyCode);
        b.HasIndex(p => new { p.DistrictName, p.CountyCode }).IsUnique();
    }
}
