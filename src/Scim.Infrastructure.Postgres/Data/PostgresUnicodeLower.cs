using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Scim.Infrastructure.Postgres.Data;

/// <summary>
/// Translates <see cref="string.ToLower()"/> to <c>lower(x COLLATE "und-x-icu") COLLATE "C"</c>. Every text column
/// has collation <c>C</c> (<see cref="PostgresModel"/>), under which PostgreSQL's <c>lower()</c> folds ASCII letters
/// only; case-insensitive filters on columns without a stored lower-case copy (<c>title eq "ÉQUIPE"</c>) would then
/// miss "É" against "é", which the stored copies (lower-cased by .NET) and SQLite (<c>SqliteUnicodeLower</c>) match.
/// ICU's root locale folds all of Unicode; the result compares by code point again, like every other column.
/// </summary>
internal sealed class PostgresUnicodeLower : IDbContextOptionsExtension
{
    /// <summary>ICU's root collation, which <c>initdb</c> creates wherever PostgreSQL is built with ICU.</summary>
    private const string UnicodeCollation = "und-x-icu";

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) => services.AddScoped<IMethodCallTranslatorPlugin, Plugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>Adds the translation to <paramref name="options"/>.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PostgresUnicodeLower());
        return options;
    }

    private sealed class Plugin(ISqlExpressionFactory sql) : IMethodCallTranslatorPlugin
    {
        public IEnumerable<IMethodCallTranslator> Translators { get; } = [new Translator(sql)];
    }

    private sealed class Translator(ISqlExpressionFactory sql) : IMethodCallTranslator
    {
        private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

        public SqlExpression? Translate(SqlExpression? instance, MethodInfo method, IReadOnlyList<SqlExpression> arguments, IDiagnosticsLogger<DbLoggerCategory.Query> logger) =>
            instance is not null && method.Equals(ToLower)
                ? new CollateExpression(
                    sql.Function("lower", [new CollateExpression(instance, UnicodeCollation)], nullable: true, argumentsPropagateNullability: [true], typeof(string), instance.TypeMapping),
                    "C")
                : null;
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using Unicode lower() ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Scim:PostgresUnicodeLower"] = "1";
    }
}
