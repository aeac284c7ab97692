using Scim.Filtering.Ast;
using Scim.Filtering.Parsing;

namespace Scim.Filtering.Tests.Parsing;

/// <summary>
/// The cost rating of a parsed filter: which filters the server treats as expensive work (more than ten attribute
/// expressions, or any that no index serves: co, ew, ne, pr, not).
/// </summary>
public sealed class FilterCostTests
{
    [Theory]
    [InlineData("userName eq \"bjensen\"", 1, 0)]
    [InlineData("userName sw \"bj\"", 1, 0)]
    [InlineData("externalId eq \"a\" and meta.lastModified gt \"2026-01-01T00:00:00Z\"", 2, 0)]
    [InlineData("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]", 1, 0)]
    [InlineData("userName co \"jen\"", 1, 1)]
    [InlineData("userName ew \"sen\"", 1, 1)]
    [InlineData("userName ne \"bjensen\"", 1, 1)]
    [InlineData("title pr", 1, 1)]
    [InlineData("not (userName eq \"bjensen\")", 1, 1)]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"]", 2, 1)]
    [InlineData("userName eq \"a\" or (displayName co \"b\" and not (title sw \"c\"))", 3, 2)]
    public void Of_CountsClausesAndThoseNoIndexServes(string filter, int clauses, int scans)
    {
        Assert.Equal(new FilterCost(clauses, scans), FilterCost.Of(ScimFilterParser.ParseFilter(filter)));
    }

    [Theory]
    [InlineData("userName eq \"bjensen\"", false)]
    [InlineData("userName sw \"bj\" and active eq true", false)]
    [InlineData("userName co \"jen\"", true)]
    [InlineData("title pr", true)]
    public void IsExpensive_WhenAnyClauseScans(string filter, bool expensive)
    {
        Assert.Equal(expensive, FilterCost.Of(ScimFilterParser.ParseFilter(filter)).IsExpensive);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(11, true)]
    public void IsExpensive_BeyondTenClauses(int clauses, bool expensive)
    {
        var filter = string.Join(" or ", Enumerable.Range(0, clauses).Select(i => $"userName eq \"user{i}\""));

        Assert.Equal(expensive, FilterCost.Of(ScimFilterParser.ParseFilter(filter)).IsExpensive);
    }

    [Fact]
    public void None_IsCheap()
    {
        Assert.False(FilterCost.None.IsExpensive);
    }
}
