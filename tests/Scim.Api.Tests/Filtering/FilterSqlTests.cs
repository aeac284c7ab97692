using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;
using Scim.Testing;

namespace Scim.Api.Tests.Filtering;

/// <summary>
/// The SQL that matching filters become: Entra looks users up by e-mail and groups by member with these on every
/// cycle, so they must be answered from the element tables' indexes, not by visiting every user or group.
/// </summary>
public sealed class FilterSqlTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("emails[type eq \"work\"].value eq \"alice@contoso.example\"")]
    [InlineData("emails.value eq \"alice@contoso.example\"")]
    [InlineData("emails co \"contoso\"")]
    public async Task ListUsers_EmailFilter_IsAnInSubqueryOnTheValueTable(string filter)
    {
        var sql = await SqlAsync(db => db.Users, filter, UserFilterMap.Map);

        Assert.Matches("\"u\"\\.\"Id\" IN \\(\\s*SELECT \"\\w+\"\\.\"UserId\"\\s+FROM \"user_values\"", sql);
        Assert.DoesNotContain("EXISTS", sql, StringComparison.Ordinal);
        // The value travels as a parameter (declared in the ".param set" lines), never inside the statement.
        Assert.DoesNotContain("alice@contoso.example", StatementOf(sql), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListGroups_MemberFilter_IsAnInSubqueryOnTheMemberTable()
    {
        var sql = await SqlAsync(db => db.Groups, $"members[value eq \"{Guid.NewGuid()}\"]", GroupFilterMap.Map);

        Assert.Matches("\"g\"\\.\"Id\" IN \\(\\s*SELECT \"\\w+\"\\.\"GroupId\"\\s+FROM \"group_members\"", sql);
    }

    private static string StatementOf(string sql) =>
        string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));

    private async Task<string> SqlAsync<T>(Func<IScimDbContext, IQueryable<T>> set, string filter, Scim.Filtering.Translation.FilterAttributeMap<T> map)
        where T : class
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IScimDbContext>();
        var predicate = FilterCompiler.Compile(filter, map, db);
        Assert.True(predicate.IsSuccess, predicate.Error?.Detail);
        return set(db).Where(predicate.Value!).ToQueryString();
    }
}
