using System.Text.Json;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { MoneyAsFen, TierPriceAsBefore } },
    };

    /// <summary>A stored Money property is written as its column is (note 021): `Amount` as `"AmountFen": 12345`.</summary>
    private static void MoneyAsFen(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(Money) && p.Set is not null))
        {
            property.Name += "Fen";
            property.CustomConverter = FenJson.Instance;
        }
    }

    /// <summary>
    /// products.tier_prices has always carried the price twice, `"UnitPriceFen": 1000` and the computed `"UnitPrice": {"Fen": 1000,
    /// "Yuan": 10}`; it still does, so its rows keep their bytes. The second is only written, never read (typed object, so that it
    /// does not bind to the constructor's UnitPrice).
    /// </summary>
    private static void TierPriceAsBefore(JsonTypeInfo info)
    {
        if (info.Type != typeof(Domain.Catalog.TierPrice)) return;
        var twin = info.CreateJsonPropertyInfo(typeof(object), nameof(Domain.Catalog.TierPrice.UnitPrice));
        twin.Get = tier => ((Domain.Catalog.TierPrice)tier).UnitPrice;
        info.Properties.Add(twin);
    }

    private sealed class FenJson : JsonConverter<Money>
    {
        public static readonly FenJson Instance = new();

        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Fen);
    }

    public static PropertyBuilder<List<T>> JsonList<TEntity, T>(this EntityTypeBuilder<TEntity> b, string field, string column)
        where TEntity : class =>
        b.Jsonb(field, column, Options, new ValueComparer<List<T>>(
            (a, c) => a == null ? c == null : c != null && a.SequenceEqual(c),
            list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
            list => list.ToList()));

    /// <summary>The private list field as a required jsonb column, written and read with these options.</summary>
    private static PropertyBuilder<List<T>> Jsonb<TEntity, T>(this EntityTypeBuilder<TEntity> b, string field, string column, JsonSerializerOptions options,
        ValueComparer<List<T>> comparer) where TEntity : class =>
        b.Property<List<T>>(field).HasColumnName(column).HasColumnType("jsonb").IsRequired()
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                list => JsonSerializer.Serialize(list, options),
                json => JsonSerializer.Deserialize<List<T>>(json, options) ?? new List<T>(),
                comparer);

    /// <summary>
    /// Domain objects as EF's owned JSON wrote them: stored properties by their C# names, enums by name; computed properties
    /// (no setter) are left out; private setters and private parameterless constructors are used.
    /// </summary>
    private static readonly JsonSerializerOptions DomainOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredMembersOnly, MoneyAsFen } },
    };

    private static void StoredMembersOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly != typeof(Domain.Procurement.SupplierOrderLine).Assembly) return;
        foreach (var property in info.Properties.ToList())
        {
            if (property.AttributeProvider is not PropertyInfo clr) continue;
            if (clr.SetMethod is null) info.Properties.Remove(property);
            else if (!clr.SetMethod.IsPublic) property.Set = (target, value) => clr.SetValue(target, value);
        }
        if (info.CreateObject is null && info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is { } hidden
            && info.Type.GetConstructors().Length == 0)
            info.CreateObject = () => hidden.Invoke(null);
    }

    /// <summary>
    /// <see cref="JsonList{TEntity, T}"/> for a private list of domain objects that may change in place (an order's lines): the
    /// snapshot copies each object and a change is found by comparing their fields, without serializing. The column keeps the
    /// shape EF's owned JSON gave it.
    /// </summary>
    public static PropertyBuilder<List<T>> DomainJsonList<TEntity, T>(this EntityTypeBuilder<TEntity> b, string field, string column)
        where TEntity : class where T : class =>
        b.Jsonb(field, column, DomainOptions, new ValueComparer<List<T>>(
            (a, c) => a == null ? c == null : c != null && a.Count == c.Count && a.Zip(c).All(p => FieldCopy<T>.Equal(p.First, p.Second)),
            list => list.Count,
            list => list.Select(FieldCopy<T>.Copy).ToList()));

    /// <summary>Field-by-field copy and comparison of a domain object whose fields are values and strings, compiled once per type.</summary>
    private static class FieldCopy<T> where T : class
    {
        private static readonly FieldInfo[] Fields = typeof(T).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        public static readonly Func<T, T> Copy = Fields.All(f => f.IsInitOnly)
            ? item => item // immutable (a record of init-only values): the same instance is its own snapshot
            : CompileCopy();

        public static readonly Func<T, T, bool> Equal = CompileEqual();

        private static Func<T, T> CompileCopy()
        {
            var clone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
            var item = Expression.Parameter(typeof(T));
            return Expression.Lambda<Func<T, T>>(
                Expression.Convert(Expression.Call(item, clone), typeof(T)), item).Compile();
        }

        private static Func<T, T, bool> CompileEqual()
        {
            var a = Expression.Parameter(typeof(T));
            var b = Expression.Parameter(typeof(T));
            Expression body = Expression.Constant(true);
            foreach (var f in Fields)
            {
                var comparer = typeof(EqualityComparer<>).MakeGenericType(f.FieldType);
                var equals = Expression.Call(Expression.Property(null, comparer, "Default"),
                    comparer.GetMethod("Equals", [f.FieldType, f.FieldType])!, Expression.Field(a, f), Expression.Field(b, f));
                body = Expression.AndAlso(body, equals);
            }
            return Expression.Lambda<Func<T, T, bool>>(body, a, b).Compile();
        }
    }
}
