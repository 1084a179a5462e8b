using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Procurement;
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
        b.Ignore(o => o.Total);
        b.Ignore(o => o.NeedsApproval);
    }
}

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

public class CartLineConfiguration : IEntityTypeConfiguration<CartLine>
{
    public void Configure(EntityTypeBuilder<CartLine> b)
    {
        b.HasIndex(c => new { c.UserId, c.ProductId }).IsUnique();
        b.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_cart_lines_quantity", "quantity >= 1"));
    }
}

public class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.HasIndex(x => x.SupplierOrderId);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasOne<SupplierOrder>().WithMany().HasForeignKey(x => x.SupplierOrderId);
        b.Property(x => x.Number).HasMaxLength(60);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
    }
}

public class AcceptanceRecordConfiguration : IEntityTypeConfiguration<AcceptanceRecord>
{
    public void Configure(EntityTypeBuilder<AcceptanceRecord> b)
    {
        b.HasIndex(x => x.SupplierOrderId);
        b.HasOne<SupplierOrder>().WithMany().HasForeignKey(x => x.SupplierOrderId);
        b.OwnsMany(x => x.Lines, l => l.ToJson());
        b.Navigation(x => x.Lines).HasField("_lines");
    }
}

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

public class StandingOrderRunConfiguration : IEntityTypeConfiguration<StandingOrderRun>
{
    public void Configure(EntityTypeBuilder<StandingOrderRun> b)
    {
        // Exactly one order per agreement and due date, whatever instances or retries run at once.
        b.HasIndex(r => new { r.AgreementId, r.DueOn }).IsUnique();
        b.HasOne<StandingAgreement>().WithMany().HasForeignKey(r => r.AgreementId);
        b.Property(r => r.Failure).HasMaxLength(500);
    }
}

public class ApiKeyConfiguration : IEntityTypeConfiguration<Api.ApiKey>
{
    public void Configure(EntityTypeBuilder<Api.ApiKey> b)
    {
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasIndex(k => k.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId);
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(12);
        b.Property(k => k.Hash).HasMaxLength(64);
    }
}

public class ApiIdempotencyConfiguration : IEntityTypeConfiguration<Api.ApiIdempotency>
{
    public void Configure(EntityTypeBuilder<Api.ApiIdempotency> b)
    {
        b.ToTable("api_idempotencies");
        b.HasKey(i => new { i.OrganizationId, i.Key });
        b.Property(i => i.Key).HasMaxLength(100);
        b.Property(i => i.RequestHash).HasMaxLength(64);
    }
}
