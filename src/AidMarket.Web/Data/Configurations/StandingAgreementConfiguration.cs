using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class StandingAgreementConfiguration : IEntityTypeConfiguration<StandingAgreement>
{
    public void Configure(EntityTypeBuilder<StandingAgreement> b)
    {
        b.Property<uint>("Version").IsRowVersion();
        b.HasIndex(a => new { a.Status, a.NextDueOn });
        b.HasIndex(a => a.BuyerOrganizationId);
        b.HasIndex(a => a.SupplierId);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.BuyerOrganizationId);
        b.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId);
        b.Property(a => a.DeliveryAddress).HasMaxLength(300);
        b.OwnsMany(a => a.Items, i => i.ToJson());
        b.Navigation(a => a.Items).HasField("_items");
    }
}
