using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace AidMarket.Web.Data;

/// <summary>
/// Lets a query read a Money column's fen: `Sum(l => l.Amount.Fen)` or `Where(i => i.Paid.Fen > 0)` become SQL on the bigint
/// column (EF does not translate a member of a converted value by itself). Comparisons and sums of Money need nothing (note 021).
/// </summary>
public sealed class MoneyQueries : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IMemberTranslatorPlugin, Plugin>();

    public void Validate(IDbContextOptions options) { }

    private sealed class Plugin(ISqlExpressionFactory sql, IRelationalTypeMappingSource mappings) : IMemberTranslatorPlugin
    {
        public IEnumerable<IMemberTranslator> Translators { get; } = [new FenTranslator(sql, mappings.FindMapping(typeof(long))!)];
    }

    private sealed class FenTranslator(ISqlExpressionFactory sql, RelationalTypeMapping bigint) : IMemberTranslator
    {
        private static readonly PropertyInfo Fen = typeof(Money).GetProperty(nameof(Money.Fen))!;

        public SqlExpression? Translate(SqlExpression? instance, MemberInfo member, Type returnType, IDiagnosticsLogger<DbLoggerCategory.Query> logger) =>
            instance is null || member != Fen ? null
            : instance is ColumnExpression column ? new ColumnExpression(column.Name, column.TableAlias, typeof(long), bigint, column.IsNullable)
            : sql.Convert(instance, typeof(long), bigint);
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "using Money.Fen in queries ";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["AidMarket:MoneyQueries"] = "1";
    }
}
