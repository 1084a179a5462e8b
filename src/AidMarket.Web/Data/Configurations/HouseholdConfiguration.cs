using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.Property<uint>("Version").IsRowVersion(); // PostgreSQL xmin: a lost update becomes a concurrency error
        b.HasOne<County>().WithMany().HasForeignKey(h => h.CountyCode);
        b.HasIndex(h => h.CardCode).IsUnique();
        b.HasIndex(h => h.IdNumberLookup).IsUnique();
        b.HasIndex(h => new { h.CountyCode, h.Village });
        b.Property(h => h.CardCode).HasMaxLength(16);
        b.Property(h => h.IdNumberLookup).HasMaxLength(64);
        b.Property(h => h.IdNumberMasked).HasMaxLength(18);
        b.Property(h => h.HeadName).HasMaxLength(50);
        b.Property(h => h.Village).HasMaxLength(100);
        b.ToTable(t => t.HasCheckConstraint("ck_households_size", "size BETWEEN 1 AND 30"));
    }
}
