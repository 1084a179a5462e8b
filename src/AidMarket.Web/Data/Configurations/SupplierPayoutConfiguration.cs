using AidMarket.Domain.Payments;
using AidMarket.Domain.Producers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class SupplierPayoutConfiguration : IEntityTypeConfiguration<SupplierPayout>
{
    public void Configure(EntityTypeBuilder<SupplierPayout> b)
    {
        b.ToTable("supplier_payouts");
        b.Property<uint>("Version").IsRowVersion(); // xmin: two people marking the same payout at once → one wins
        b.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.SupplierId);
        b.Property(p => p.BankReference).HasMaxLength(100);
        b.Property(p => p.FailureReason).HasMaxLength(SupplierPayout.MaxReasonLength);
        b.Property(p => p.StripeAccountId).HasMaxLength(Supplier.StripeAccountIdMaxLength);
        b.ToTable(t => t.HasCheckConstraint("ck_supplier_payouts_stripe_account", "(method = 'StripeConnect') = (stripe_account_id IS NOT NULL)"));
    }
}
