using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.HasIndex(s => s.OrganizationId).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
        b.HasOne<County>().WithMany().HasForeignKey(s => s.CountyCode);
        b.Property(s => s.HouseholdSharePercent).HasPrecision(5, 2);
        b.ToTable(t => t.HasCheckConstraint("ck_suppliers_share", "household_share_percent BETWEEN 0 AND 100"));
    }
}

public class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.HasOne<County>().WithMany().HasForeignKey(h => h.CountyCode);
        b.HasIndex(h => h.CardCode).IsUnique();
        b.Property(h => h.CardCode).HasMaxLength(16);
    }
}

public class BenefitLinkConfiguration : IEntityTypeConfiguration<BenefitLink>
{
    public void Configure(EntityTypeBuilder<BenefitLink> b)
    {
        b.HasOne<Supplier>().WithMany().HasForeignKey(l => l.SupplierId);
        b.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId);
        b.ToTable(t => t.HasCheckConstraint("ck_benefit_links_weight", "weight > 0"));
    }
}
