using AidMarket.Domain.Producers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

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
