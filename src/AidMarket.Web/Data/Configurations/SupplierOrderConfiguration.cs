using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Ledger;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class SupplierOrderConfiguration : IEntityTypeConfiguration<SupplierOrder>
{
    public void Configure(EntityTypeBuilder<SupplierOrder> b)
    {
        b.Property<uint>("Version").IsRowVersion();
        // What the claim query walks: only the accepted orders not yet settled, in id order (decision note 015).
        b.HasIndex(o => o.Id).HasDatabaseName("ix_supplier_orders_due").HasFilter(DueForSettlementSql.OrderFilter);
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
        b.Ignore(o => o.Payable);
        b.Ignore(o => o.CanCancel);
    }
}
