using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> b)
    {
        b.Property<uint>("Version").IsRowVersion();
        b.HasIndex(o => o.Number).IsUnique();
        b.HasIndex(o => new { o.BuyerOrganizationId, o.SubmittedAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.BuyerOrganizationId);
        b.Property(o => o.Number).HasMaxLength(30);
        b.OwnsOne(o => o.Delivery, d =>
        {
            d.Property(x => x.BuyerPoNumber).HasMaxLength(60);
            d.Property(x => x.CostCenter).HasMaxLength(60);
            d.Property(x => x.Address).HasMaxLength(300);
            d.Property(x => x.Notes).HasMaxLength(2000);
        });
        b.Ignore(o => o.Lines);
        b.DomainJsonList<PurchaseOrder, OrderLine>("_lines", "lines");
        b.Ignore(o => o.NeedsApproval);
    }
}
