using AidMarket.Domain.Regions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> b)
    {
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(6);
        b.Property(c => c.Industries).HasColumnType("text[]");
    }
}
