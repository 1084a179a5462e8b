using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data.Configurations;

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
