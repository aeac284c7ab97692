using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Filtering.Translation;
using Scim.Testing;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>The SQL a SCIM filter becomes in the server's own database, to check which tables and indexes answer it.</summary>
public static class FilterSql
{
    /// <summary>
    /// The query of <paramref name="set"/> filtered by <paramref name="filter"/>, as SQL with its parameters, without
    /// the double quotes around identifiers (SQLite quotes every one, PostgreSQL only those that need it).
    /// </summary>
    public static async Task<string> ToSqlAsync<T>(ScimApiFactory factory, Func<IScimDbContext, IQueryable<T>> set, string filter, FilterAttributeMap<T> map)
        where T : class
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IScimDbContext>();
        var predicate = FilterCompiler.Compile(filter, map, db);
        Assert.True(predicate.IsSuccess, predicate.Error?.Detail);
        return set(db).Where(predicate.Value!.Predicate!).ToQueryString().Replace("\"", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// The SQL statement without the lines that declare its parameters and their values (SQLite's <c>.param set</c>,
    /// PostgreSQL's <c>-- @p='…'</c>).
    /// </summary>
    public static string StatementOf(string sql) =>
        string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal) && !line.StartsWith("-- @", StringComparison.Ordinal)));
}
