using AidMarket.Domain.Producers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

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
