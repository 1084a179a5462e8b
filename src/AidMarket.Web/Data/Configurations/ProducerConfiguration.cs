using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.Property<uint>("Version").IsRowVersion(); // PostgreSQL xmin: a lost update becomes a concurrency error
        b.HasIndex(s => s.OrganizationId).IsUnique();
        b.HasIndex(s => s.CreditCode).IsUnique();
        b.HasIndex(s => new { s.CountyCode, s.Status });
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
        b.HasOne<County>().WithMany().HasForeignKey(s => s.CountyCode);
        b.Property(s => s.LegalName).HasMaxLength(200);
        b.Property(s => s.CreditCode).HasMaxLength(18);
        b.Property(s => s.StripeAccountId).HasMaxLength(Supplier.StripeAccountIdMaxLength);
        b.HasIndex(s => s.StripeAccountId).IsUnique(); // one supplier per connected account
        b.HasMany(s => s.Plans).WithOne().HasForeignKey(p => p.SupplierId);
        b.Navigation(s => s.Plans).HasField("_plans");
        b.Ignore(s => s.CurrentPlan);
        b.Ignore(s => s.PendingPlan);
    }
}

public class BenefitPlanConfiguration : IEntityTypeConfiguration<BenefitPlan>
{
    public void Configure(EntityTypeBuilder<BenefitPlan> b)
    {
        b.HasIndex(p => new { p.SupplierId, p.Version }).IsUnique();
        // At most one plan waits for approval per supplier, whatever two requests do at once.
        b.HasIndex(p => p.SupplierId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ux_benefit_plans_one_pending");
        b.Property(p => p.HouseholdSharePercent).HasPrecision(5, 2);
        b.ToTable(t => t.HasCheckConstraint("ck_benefit_plans_share", "household_share_percent > 0 AND household_share_percent <= 100"));
    }
}

public class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property<uint>("Version").IsRowVersion(); // PostgreSQL xmin: a lost update becomes a concurrency error
        b.HasOne<County>().WithMany().HasForeignKey(h => h.CountyCode);
        b.HasIndex(h => h.CardCode).IsUnique();
        b.HasIndex(h => h.IdNumberLookup).IsUnique();
        b.HasIndex(h => new { h.CountyCode, h.Village });
        b.Property(h => h.CardCode).HasMaxLength(16);
        b.Property(h => h.IdNumberLookup).HasMaxLength(64);
        b.Property(h => h.IdNumberMasked).HasMaxLength(18);
        b.Property(h => h.HeadName).HasMaxLength(50);
        b.Property(h => h.Village).HasMaxLength(100);
        b.ToTable(t => t.HasCheckConstraint("ck_households_size", "size BETWEEN 1 AND 30"));
    }
}

public class BenefitLinkConfiguration : IEntityTypeConfiguration<BenefitLink>
{
    public void Configure(EntityTypeBuilder<BenefitLink> b)
    {
        b.Property<uint>("Version").IsRowVersion(); // PostgreSQL xmin: a lost update becomes a concurrency error
        b.HasOne<Supplier>().WithMany().HasForeignKey(l => l.SupplierId);
        b.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId);
        b.HasIndex(l => new { l.SupplierId, l.HouseholdId, l.Kind }).IsUnique().HasFilter("status <> 'Rejected'")
            .HasDatabaseName("ux_benefit_links_live");
        b.ToTable(t => t.HasCheckConstraint("ck_benefit_links_weight", "weight BETWEEN 1 AND 1000"));
    }
}
