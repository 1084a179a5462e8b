using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class SupplierOrderConfiguration : IEntityTypeConfiguration<SupplierOrder>
{
    public void Configure(EntityTypeBuilder<SupplierOrder> b)
    {
        b.Property<uint>("Version").IsRowVersion();
        // Set by settlement in the transaction that writes it: the claim query skips settled orders (decision note 012).
        b.Property<DateTimeOffset?>("SettledAt");
        // What the claim query walks: only the accepted orders not yet settled, in id order.
        b.HasIndex(o => o.Id).HasDatabaseName("ix_supplier_orders_due").HasFilter("status = 'Accepted' AND settled_at IS NULL");
        b.HasIndex(o => new { o.SupplierId, o.PlacedAt });
        b.HasIndex(o => o.OrderId);
        b.HasIndex(o => o.BuyerOrganizationId);
        b.HasOne<PurchaseOrder>().WithMany().HasForeignKey(o => o.OrderId);
        b.HasOne<Supplier>().WithMany().HasForeignKey(o => o.SupplierId);
        b.HasOne<BenefitPlan>().WithMany().HasForeignKey(o => o.PlanId);
        b.Property(o => o.HouseholdSharePercent).HasPrecision(5, 2);
        b.Property(o => o.OrderNumber).HasMaxLength(30);
        b.Ignore(o => o.Lines);
        b.DomainJsonList<SupplierOrder, SupplierOrderLine>("_lines", "lines");
        b.Ignore(o => o.Total);
        b.Ignore(o => o.Payable);
        b.Ignore(o => o.CanCancel);
    }
}
