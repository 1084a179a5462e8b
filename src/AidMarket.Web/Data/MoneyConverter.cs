using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AidMarket.Web.Data;

/// <summary>Every <see cref="Money"/> property is a bigint of fen (note 021).</summary>
public sealed class MoneyConverter() : ValueConverter<Money, long>(money => money.Fen, fen => new Money(fen));

/// <summary>
/// Names a Money property's column (or owned-JSON property) after the property with "_fen" ("Fen" in JSON), so `Amount` is
/// stored in `amount_fen`; a name configured explicitly is kept.
/// </summary>
public sealed class MoneyColumnConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entity in modelBuilder.Metadata.GetEntityTypes())
        foreach (var property in entity.GetDeclaredProperties().Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(Money)))
        {
            if (entity.IsMappedToJson())
            {
                if (property.GetJsonPropertyNameConfigurationSource() is null or ConfigurationSource.Convention)
                    property.Builder.HasJsonPropertyName(property.GetJsonPropertyName() + "Fen");
            }
            else if (property.GetColumnNameConfigurationSource() is null or ConfigurationSource.Convention)
                property.Builder.HasColumnName(property.GetColumnName() + "_fen");
        }
    }
}
