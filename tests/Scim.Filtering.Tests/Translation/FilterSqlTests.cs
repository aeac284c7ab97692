using Microsoft.EntityFrameworkCore;
using Scim.Filtering.Parsing;
using Scim.Filtering.Translation;

namespace Scim.Filtering.Tests.Translation;

/// <summary>The SQL EF Core generates: values are parameters and normalized columns are compared as they are.</summary>
public sealed class FilterSqlTests(SqliteUserDatabase database) : IClassFixture<SqliteUserDatabase>
{
    private static readonly FilterAttributeMap<TestUser> Map = TestUserFilterMap.Create();

    [Theory]
    [InlineData("userName eq \"sentinel-value\"", "sentinel-value")]
    [InlineData("userName co \"sentinel-value\"", "sentinel-value")]
    [InlineData("displayName sw \"sentinel-value\"", "sentinel-value")]
    [InlineData("externalId ew \"sentinel-value\"", "sentinel-value")]
    [InlineData("title gt \"sentinel-value\"", "sentinel-value")]
    [InlineData("emails[value eq \"sentinel-value\"]", "sentinel-value")]
    [InlineData("emails co \"sentinel-value\"", "sentinel-value")]
    [InlineData("emails[type eq \"work\"].value eq \"sentinel-value\"", "sentinel-value")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"sentinel-value\"", "sentinel-value")]
    [InlineData("userName eq \"x'; DROP TABLE Users; --\"", "DROP TABLE")]
    [InlineData("meta.lastModified gt \"2099-07-08T09:10:11Z\"", "2099")]
    [InlineData("id eq \"2819c223-7f76-453a-919d-413861904646\"", "2819")]
    [InlineData("manager.value eq \"902c246b-6245-4190-8e05-00816be7344a\"", "902")]
    public void Build_ComparisonValue_IsSentAsParameter(string filter, string literalText)
    {
        var sql = Sql(filter);

        Assert.DoesNotContain(literalText, sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CaseInsensitiveEqOnNormalizedColumn_ComparesColumnWithoutLower()
    {
        var sql = Sql("userName eq \"BJensen\"");

        Assert.Contains("\"UserNameNormalized\" = @", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("lower(", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_CaseInsensitiveEqWithoutNormalizedColumn_LowersColumn()
    {
        var sql = Sql("displayName eq \"Babs Jensen\"");

        Assert.Contains("lower(", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_CaseExactEq_ComparesColumnWithoutLower()
    {
        var sql = Sql("externalId eq \"EXT-1\"");

        Assert.DoesNotContain("lower(", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_ValuePathFilter_UsesOneExistsSubquery()
    {
        var sql = Sql("emails[type eq \"work\" and value co \"@example.com\"]");

        Assert.Single(sql.Split("EXISTS", StringSplitOptions.None).Skip(1));
    }

    /// <summary>The SQL text without the parameter declarations that ToQueryString prints first.</summary>
    private string Sql(string filter)
    {
        using var context = database.CreateContext();
        var query = context.Users.Where(FilterExpressionBuilder.Build(ScimFilterParser.ParseFilter(filter), Map)).Select(u => u.Id);
        return string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
    }
}
