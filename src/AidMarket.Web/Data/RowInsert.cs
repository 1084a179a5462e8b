using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AidMarket.Web.Data;

/// <summary>
/// INSERT commands for new entities, built from the EF model's own mapping (table, columns, value converters, owned columns in
/// the same table), to run in a batch without change tracking. For the hot path that writes a new order once and never updates
/// it in the same request (decision note 018): EF's SaveChanges costs more CPU than the database spends on the rows.
/// Shadow properties (the xmin row version, nothing to read them from) are left to the database. Entity types this cannot
/// write as EF would are refused when first used: a mapped property the database fills (generated, defaulted or computed)
/// or an owned type stored as JSON. A test compares rows written this way with the rows SaveChanges writes.
/// </summary>
public static class RowInsert
{
    /// <summary>One multi-row INSERT of <paramref name="rows"/> (at least one) into their table.</summary>
    public static NpgsqlBatchCommand Rows<T>(DbContext db, IReadOnlyCollection<T> rows) where T : class
    {
        if (rows.Count == 0) throw new ArgumentException("Nothing to insert.", nameof(rows));
        var shape = Shapes.GetOrAdd((db.Model, typeof(T)), key => Shape.Of(key.Model, key.Type));
        var command = new NpgsqlBatchCommand(shape.Sql(rows.Count));
        foreach (var row in rows)
            foreach (var column in shape.Columns)
                command.Parameters.Add((NpgsqlParameter)column.Mapping.CreateParameter(ParameterFactory, "", column.Read(row), column.Nullable));
        return command;
    }

    public static NpgsqlBatchCommand Row<T>(DbContext db, T row) where T : class => Rows(db, [row]);

    private static readonly ConcurrentDictionary<(IModel Model, Type Type), Shape> Shapes = new();

    /// <summary>Only creates parameters (it never runs): the type mappings need a command to create them with.</summary>
    private static readonly NpgsqlCommand ParameterFactory = new();

    private sealed record Column(string Name, Func<object, object?> Read, RelationalTypeMapping Mapping, bool Nullable);

    private sealed class Shape(string table, IReadOnlyList<Column> columns)
    {
        private readonly ConcurrentDictionary<int, string> _sql = new();

        public IReadOnlyList<Column> Columns { get; } = columns;

        public string Sql(int rowCount) => _sql.GetOrAdd(rowCount, n =>
        {
            var sql = new StringBuilder($"INSERT INTO {table} (").AppendJoin(", ", Columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES ");
            for (var row = 0; row < n; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Count; c++) sql.Append(c == 0 ? "" : ", ").Append('$').Append(row * Columns.Count + c + 1);
                sql.Append(')');
            }
            return sql.ToString();
        });

        public static Shape Of(IModel model, Type type)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = new List<Column>();
            Add(entity, row => row);
            return new Shape(table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"", columns);

            void Add(IEntityType owner, Func<object, object?> reach)
            {
                foreach (var property in owner.GetProperties())
                {
                    if (property.IsShadowProperty() || (owner.IsOwned() && property.IsPrimaryKey())) continue;
                    if (property.ValueGenerated != ValueGenerated.Never || property.GetDefaultValueSql(table) is not null
                        || property.GetComputedColumnSql(table) is not null)
                        throw new NotSupportedException($"{owner.DisplayName()}.{property.Name} is filled by the database; RowInsert cannot write it as EF would.");
                    var getter = property.GetGetter();
                    columns.Add(new Column(property.GetColumnName(table)!, row => reach(row) is { } target ? getter.GetClrValue(target) : null,
                        (RelationalTypeMapping)property.GetTypeMapping(), property.IsNullable || owner != entity));
                }
                foreach (var navigation in owner.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.IsOnDependent == false))
                {
                    if (navigation.IsCollection || navigation.TargetEntityType.IsMappedToJson() || navigation.TargetEntityType.GetTableName() != table.Name)
                        throw new NotSupportedException($"{owner.DisplayName()}.{navigation.Name} is not stored in {table.Name}'s own columns; RowInsert writes only those.");
                    var getter = navigation.GetGetter();
                    Add(navigation.TargetEntityType, row => reach(row) is { } target ? getter.GetClrValue(target) : null);
                }
            }
        }
    }
}
