using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidMarket.Web.Data;

/// <summary>
/// Maps a private list of small immutable records to a jsonb column through a value converter (compiled once), instead of an
/// owned JSON navigation: EF 10 builds a new delegate each time it materializes owned JSON, which made the storefront spend
/// most of its CPU in the JIT (see decision note 010). Used where the hot pages read the lists.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<List<T>> JsonList<TEntity, T>(this EntityTypeBuilder<TEntity> b, string field, string column)
        where TEntity : class =>
        b.Property<List<T>>(field).HasColumnName(column).HasColumnType("jsonb").IsRequired()
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                list => JsonSerializer.Serialize(list, Options),
                json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, c) => a == null ? c == null : c != null && a.SequenceEqual(c),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    list => list.ToList()));
}
