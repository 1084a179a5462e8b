using AidMarket.Web.Statements;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

public class StatementLookupConfiguration : IEntityTypeConfiguration<StatementLookup>
{
    public void Configure(EntityTypeBuilder<StatementLookup> b)
    {
        b.ToTable("statement_lookups");
        b.Property(x => x.CardCode).HasMaxLength(StatementLookup.CardCodeMaxLength);
        b.Property(x => x.IpAddress).HasMaxLength(45);
        b.Property(x => x.CountyCode).HasMaxLength(6);
        b.HasIndex(x => new { x.CountyCode, x.At });
        b.HasIndex(x => new { x.CardCode, x.At });
    }
}
