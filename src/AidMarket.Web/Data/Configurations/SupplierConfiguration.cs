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
