using AidMarket.Domain.Procurement;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

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
