using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class PartnerPairingConfiguration : IEntityTypeConfiguration<PartnerPairing>
{
    public void Configure(EntityTypeBuilder<PartnerPairing> b)
    {
        b.HasOne<County>().WithMany().HasForeignKey(p => p.CountyCode);
        b.HasIndex(p => new { p.DistrictName, p.CountyCode }).IsUnique();
    }
}
