using Microsoft.Data.Sqlite;
using Npgsql;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// The common sort orders (RFC 7644 §3.4.2.3) — users by userName, displayName, externalId, meta.created and
/// meta.lastModified, groups by displayName, externalId, meta.created and meta.lastModified — are read in the order of
/// an index, ascending and descending, by index and by cursor (RFC 9865), with and without a filter, and across the
/// boundary between the resources with a value and those without: no statement of a page sorts the matching resources
/// (SQLite's plan may sort the ties of an index's order, "RIGHT PART OF ORDER BY"; PostgreSQL's has no Sort node, though
/// an Incremental Sort of the ties of a presorted key is allowed), so a page costs the same in a directory of any size.
/// </summary>
public sealed class SortPlanTests
{
    private const int UserCount = 600;
    private const int GroupCount = 300;

    // A page size that ends neither at the boundary nor at the end.
    private const int PageSize = 97;

    // Each with a filter that every resource matches and no index answers, so the order's index is the way to read it.
    public static TheoryData<string, string, string> Orders => new()
    {
        { "Users", "userName", "active eq true" },
        { "Users", "displayName", "active eq true" },
        { "Users", "externalId", "active eq true" },
        { "Users", "meta.created", "active eq true" },
        { "Users", "meta.lastModified", "active eq true" },
        { "Groups", "displayName", "displayName co \"group\"" },
        { "Groups", "externalId", "displayName co \"group\"" },
        { "Groups", "meta.created", "displayName co \"group\"" },
        { "Groups", "meta.lastModified", "displayName co \"group\"" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task A_common_order_is_read_in_the_order_of_an_index(string endpoint, string sortBy, string filter)
    {
        var plans = new QueryPlanRecorder();
        await using var factory = new ScimApiFactory { Interceptors = [plans] };
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        if (endpoint == "Users")
        {
            // A third without externalId, a quarter without displayName, names shared by several users.
            await factory.InsertUsersAsync(organizationId, UserCount, i => i % 3 == 0 ? null : $"ext-{i:D5}", i => i % 4 == 0 ? null : $"Name {i % 150}");
        }
        else
        {
            await factory.InsertGroupsAsync(organizationId, GroupCount, i => i % 3 == 0 ? null : $"ext-{i:D5}");
        }

        await AnalyzeAsync(factory);
        var client = factory.CreateClientWithToken(token);
        var total = endpoint == "Users" ? UserCount : GroupCount;

        foreach (var order in new[] { "ascending", "descending" })
        {
            foreach (var query in new[] { "", "&filter=" + Uri.EscapeDataString(filter) })
            {
                var list = $"{endpoint}?sortBy={Uri.EscapeDataString(sortBy)}&sortOrder={order}{query}&attributes=id";

                // By cursor: every page of a walk, which crosses the boundary within a page.
                var walked = 0;
                var page = await client.GetListAsync($"{list}&count={PageSize}&cursor=");
                while (true)
                {
                    walked += page.Resources().Count;
                    AssertIndexServed(plans, $"{list} by cursor, after {walked}");
                    if (page["nextCursor"] is not { } next)
                    {
                        break;
                    }

                    page = await client.GetListAsync($"{list}&count={PageSize}&cursor={Uri.EscapeDataString(next.GetValue<string>())}");
                }

                Assert.Equal(total, walked);

                // By index: the first page, and each page of a walk.
                for (var start = 1; start <= total; start += PageSize)
                {
                    Assert.Equal(total, (await client.GetListAsync($"{list}&count={PageSize}&startIndex={start}")).TotalResults());
                    AssertIndexServed(plans, $"{list} by index from {start}");
                }
            }
        }
    }

    // Asserts the request ran ordered statements, and that each is index-served.
    private static void AssertIndexServed(QueryPlanRecorder plans, string request)
    {
        var seen = plans.Plans.ToList();
        plans.Clear();
        Assert.True(seen.Count > 0, $"{request}: no ordered statement was seen.");
        foreach (var plan in seen)
        {
            Assert.False(plan.Sorts, $"{request}: the statement sorts the matching resources.\n{plan.Sql}\n--- plan:\n{plan.Plan}");
        }
    }

    // Fresh statistics, as a running server's database has (SQLite: PRAGMA optimize; PostgreSQL: autovacuum).
    private static async Task AnalyzeAsync(ScimApiFactory factory)
    {
        if (factory.Database == ScimTestDatabase.Postgres)
        {
            await using var connection = new NpgsqlConnection(factory.ConnectionString);
            await connection.OpenAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new SqliteConnection(factory.ConnectionString);
            await connection.OpenAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }
    }
}
