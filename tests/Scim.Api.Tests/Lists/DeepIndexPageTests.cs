using Scim.Api.Tests.Bulk;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// Unfiltered <c>startIndex</c> pages (RFC 7644 §3.4.2.4) take <c>totalResults</c> from the counts the database keeps
/// and, deep in the creation order, start from the server's marks instead of skipping every resource before them:
/// every page, at every depth, is exactly the page a filter matching everything (counted and skipped the plain way)
/// returns, before and after users and groups are created and deleted one by one and through Bulk.
/// </summary>
public sealed class DeepIndexPageTests
{
    [Fact]
    public async Task Every_page_and_total_equals_the_counted_and_skipped_one_as_resources_come_and_go()
    {
        // A mark every 3 users: every page below index 4 starts from one, and the marks must follow each change.
        await using var factory = new ScimApiFactory { Settings = new Dictionary<string, string> { ["Scim:Pagination:MarkStride"] = "3" } };
        var client = await factory.CreateScimClientAsync();
        var users = new List<string>();
        for (var i = 0; i < 14; i++)
        {
            users.Add(await client.CreateUserAsync($$"""{"userName":"deep{{i:D2}}@example.com"}"""));
        }

        await AssertPagesAsync(client, "Users", "userName gt \"\"", 14);

        // Deletes move every later user one place up; the pages read before built marks that no longer hold.
        (await client.DeleteAsync($"Users/{users[1]}")).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"Users/{users[7]}")).EnsureSuccessStatusCode();
        await AssertPagesAsync(client, "Users", "userName gt \"\"", 12);

        var operations = await client.BulkOkAsync($$$"""
            {"method":"POST","path":"/Users","bulkId":"a","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk-a@example.com"}},
            {"method":"POST","path":"/Users","bulkId":"b","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bulk-b@example.com"}},
            {"method":"DELETE","path":"/Users/{{{users[0]}}}"},
            {"method":"POST","path":"/Users","bulkId":"c","data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"deep03@example.com"}}
            """);
        Assert.Equal(["201", "201", "204", "409"], operations.Select(o => o.Status()));
        await AssertPagesAsync(client, "Users", "userName gt \"\"", 13);

        var groups = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            groups.Add(await client.CreateGroupAsync($$"""{"displayName":"Deep team {{i}}","members":[{"value":"{{users[8 + (i % 5)]}}"}]}"""));
        }

        (await client.DeleteAsync($"Groups/{groups[2]}")).EnsureSuccessStatusCode();
        await AssertPagesAsync(client, "Groups", "displayName gt \"\"", 7);
        await AssertPagesAsync(client, "Users", "userName gt \"\"", 13);
    }

    [Fact]
    public async Task One_organizations_changes_never_move_anothers_pages_or_totals()
    {
        await using var factory = new ScimApiFactory { Settings = new Dictionary<string, string> { ["Scim:Pagination:MarkStride"] = "2" } };
        var first = await factory.CreateScimClientAsync();
        var second = await factory.CreateScimClientAsync();
        for (var i = 0; i < 7; i++)
        {
            await first.CreateUserAsync($$"""{"userName":"first{{i}}@example.com"}""");
            await second.CreateUserAsync($$"""{"userName":"second{{i}}@example.com"}""");
        }

        await AssertPagesAsync(first, "Users", "userName gt \"\"", 7);
        var someone = (await second.GetListAsync("Users?count=1&startIndex=3")).Resources()[0]["id"]!.GetValue<string>();
        (await second.DeleteAsync($"Users/{someone}")).EnsureSuccessStatusCode();
        await AssertPagesAsync(first, "Users", "userName gt \"\"", 7);
        await AssertPagesAsync(second, "Users", "userName gt \"\"", 6);
        Assert.All((await second.GetListAsync("Users?count=10&startIndex=2")).Resources(), u => Assert.StartsWith("second", u["userName"]!.GetValue<string>()));
    }

    // Every startIndex from 1 past the end, with page sizes that end on and between marks, against the same page of a
    // filter that matches every resource row by row (which the server counts and skips without marks; a filter it knows
    // every resource meets, such as userName pr, it reads as no filter).
    private static async Task AssertPagesAsync(HttpClient client, string endpoint, string everything, int total)
    {
        foreach (var count in new[] { 1, 2, 4 })
        {
            for (var startIndex = 1; startIndex <= total + 2; startIndex++)
            {
                var page = await client.GetListAsync($"{endpoint}?startIndex={startIndex}&count={count}&attributes=id");
                var counted = await client.GetListAsync($"{endpoint}?startIndex={startIndex}&count={count}&attributes=id&filter={Uri.EscapeDataString(everything)}");
                Assert.Equal(total, page.TotalResults());
                Assert.Equal(counted.TotalResults(), page.TotalResults());
                Assert.Equal(Ids(counted), Ids(page));
                Assert.Equal(Math.Clamp(total - startIndex + 1, 0, count), Ids(page).Count);
            }
        }

        Assert.Equal(total, (await client.GetListAsync($"{endpoint}?count=0")).TotalResults());
    }

    private static List<string> Ids(System.Text.Json.Nodes.JsonObject list) => [.. list.Resources().Select(r => r["id"]!.GetValue<string>())];
}
