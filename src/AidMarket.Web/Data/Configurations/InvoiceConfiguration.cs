using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.Property(i => i.Reference).HasMaxLength(12);
        b.HasIndex(i => i.Reference).IsUnique();
        b.HasIndex(i => i.SupplierOrderId).IsUnique();
        b.HasIndex(i => new { i.BuyerOrganizationId, i.IssuedAt });
        b.Property(i => i.OrderNumber).HasMaxLength(40);
        b.HasOne<AidMarket.Domain.Procurement.SupplierOrder>().WithMany().HasForeignKey(i => i.SupplierOrderId);
        b.JsonList<Invoice, InvoicePayment>("_payments", "payments");
        b.JsonList<Invoice, InvoiceRefund>("_refunds", "refunds");
        b.JsonList<Invoice, PaymentFailure>("_failures", "payment_failures").HasDefaultValueSql("'[]'::jsonb");
        b.Ignore(i => i.Payments);
        b.Ignore(i => i.Refunds);
        b.Ignore(i => i.PaymentFailures);
        b.Ignore(i => i.OpenFailure);
        b.Ignore(i => i.Due);
        b.Ignore(i => i.Outstanding);
        b.Ignore(i => i.Excess);
        b.Ignore(i => i.Status);
    }
}
