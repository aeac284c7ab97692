using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// sortBy and sortOrder (RFC 7644 §3.4.2.3) on GET /Users, POST /Users/.search and GET /Groups: case-insensitive
/// attributes order case-insensitively, resources without a value come last when ascending and first when descending,
/// equal values are ordered by id so index pages never overlap or skip, descending is the exact reverse, and a path that
/// names no sortable attribute is 400 invalidValue.
/// </summary>
public sealed class SortingTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task UserName_sorts_case_insensitively_and_descending_is_the_exact_reverse()
    {
        var client = await factory.CreateScimClientAsync();
        foreach (var name in new[] { "carol@example.com", "Alice@example.com", "bob@example.com", "alice2@example.com", "BOB2@example.com" })
        {
            await client.CreateUserAsync($$"""{"userName":"{{name}}"}""");
        }

        var ascending = UserNames(await client.GetListAsync("Users?sortBy=userName"));
        var descending = UserNames(await client.GetListAsync("Users?sortBy=USERNAME&sortOrder=Descending"));

        // Compared as lower-invariant text: "alice2@" comes before "alice@", as '2' is before '@'.
        Assert.Equal(["alice2@example.com", "Alice@example.com", "BOB2@example.com", "bob@example.com", "carol@example.com"], ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [Theory]
    [InlineData("displayName")]
    [InlineData("name.familyName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    public async Task Missing_values_come_last_ascending_and_first_descending_and_ties_break_by_id(string sortBy)
    {
        var client = await factory.CreateScimClientAsync();
        var values = new[] { "b", null, "A", "a", null, "c", "B" };
        var ids = new List<(string Id, string? Value)>();
        for (var i = 0; i < values.Length; i++)
        {
            var body = new JsonObject { ["userName"] = $"u{i}@example.com" };
            if (values[i] is { } value)
            {
                Set(body, sortBy, value);
            }

            ids.Add((await client.CreateUserAsync(body.ToJsonString()), values[i]));
        }

        // Ties are ordered by id as the database compares ids (SQLite: upper-case text; PostgreSQL: uuid), which is the
        // ordinal order of the hexadecimal text.
        var expected = ids.OrderBy(x => x.Value is null).ThenBy(x => x.Value?.ToLowerInvariant(), StringComparer.Ordinal)
            .ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        var path = Uri.EscapeDataString(sortBy);

        // Pages of 2 by index walk the same order without overlap or gap.
        var walked = new List<string>();
        for (var start = 1; start <= values.Length; start += 2)
        {
            walked.AddRange(Ids(await client.GetListAsync($"Users?sortBy={path}&startIndex={start}&count=2")));
        }

        var descending = Ids(await client.GetListAsync($"Users?sortBy={path}&sortOrder=descending"));
        Assert.Equal(expected.Select(x => x.Id), walked);
        Assert.Equal(walked.AsEnumerable().Reverse(), descending);
        Assert.Equal(expected.Select(x => x.Value?.ToLowerInvariant()), walked.Select(id => ids.Single(x => x.Id == id).Value?.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("Users", "externalId")]
    [InlineData("Users", "displayName")]
    [InlineData("Users", "name.familyName")]
    [InlineData("Groups", "externalId")]
    public async Task Pages_of_every_size_cross_from_values_to_missing_values_without_overlap_or_gap(string endpoint, string sortBy)
    {
        var client = await factory.CreateScimClientAsync();

        // Five with a value (two of them equal), four without: ascending, pages of 5 end where the values end;
        // descending, pages of 4 end where they begin.
        var values = new[] { "m", null, "b", "b", null, "Z", null, "a", null };
        var resources = new List<(string Id, string? Value)>();
        for (var i = 0; i < values.Length; i++)
        {
            var body = new JsonObject { [endpoint == "Users" ? "userName" : "displayName"] = $"crossing{i}" };
            if (values[i] is { } value)
            {
                Set(body, sortBy, value);
            }

            resources.Add((endpoint == "Users" ? await client.CreateUserAsync(body.ToJsonString()) : await client.CreateGroupAsync(body.ToJsonString()), values[i]));
        }

        // externalId is caseExact; the others compare lower-cased. Ties, and the resources without a value, by id.
        Func<string?, string?> comparable = sortBy == "externalId" ? v => v : v => v?.ToLowerInvariant();
        var ascending = resources.OrderBy(r => r.Value is null).ThenBy(r => comparable(r.Value), StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id).ToList();
        foreach (var descending in new[] { false, true })
        {
            var list = $"{endpoint}?sortBy={Uri.EscapeDataString(sortBy)}&sortOrder={(descending ? "descending" : "ascending")}";
            var expected = descending ? ascending.AsEnumerable().Reverse().ToList() : ascending;
            Assert.Equal(expected, Ids(await client.GetListAsync($"{list}&count=200")));

            for (var size = 1; size <= values.Length; size++)
            {
                var byIndex = new List<string>();
                for (var start = 1; start <= values.Length; start += size)
                {
                    var page = await client.GetListAsync($"{list}&startIndex={start}&count={size}");
                    Assert.Equal(values.Length, page.TotalResults());
                    byIndex.AddRange(Ids(page));
                }

                var byCursor = new List<string>();
                var cursor = "";
                do
                {
                    var page = await client.GetListAsync($"{list}&count={size}&cursor={Uri.EscapeDataString(cursor)}");
                    byCursor.AddRange(Ids(page));
                    cursor = page["nextCursor"]?.GetValue<string>() ?? "";
                    Assert.True(byCursor.Count <= values.Length, $"pages of {size} by cursor repeat resources");
                }
                while (cursor.Length > 0);

                Assert.Equal(expected, byIndex);
                Assert.Equal(expected, byCursor);
            }
        }
    }

    [Fact]
    public async Task Emails_value_sorts_by_the_primary_email_or_else_the_first()
    {
        var client = await factory.CreateScimClientAsync();
        var b = await client.CreateUserAsync("""{"userName":"u1@example.com","emails":[{"value":"a@example.com"},{"value":"B@example.com","primary":true}]}""");
        var a = await client.CreateUserAsync("""{"userName":"u2@example.com","emails":[{"value":"A@example.com"},{"value":"z@example.com"}]}""");
        var none = await client.CreateUserAsync("""{"userName":"u3@example.com"}""");
        var c = await client.CreateUserAsync("""{"userName":"u4@example.com","emails":[{"value":"c@example.com","primary":true}]}""");

        var ascending = Ids(await client.GetListAsync("Users?sortBy=emails.value"));
        var walk = await client.GetListAsync("Users?sortBy=emails.value&sortOrder=descending&count=2&cursor=");

        Assert.Equal([a, b, c, none], ascending);
        Assert.Equal([none, c], Ids(walk));
        Assert.Equal([b, a], Ids(await client.GetListAsync(
            $"Users?sortBy=emails.value&sortOrder=descending&count=2&cursor={Uri.EscapeDataString(walk["nextCursor"]!.GetValue<string>())}")));
    }

    [Fact]
    public async Task Search_and_groups_sort_too()
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateGroupAsync("""{"displayName":"beta"}""");
        await client.CreateGroupAsync("""{"displayName":"Alpha"}""");
        await client.CreateUserAsync("""{"userName":"zed@example.com"}""");
        await client.CreateUserAsync("""{"userName":"amy@example.com"}""");

        var groups = (await client.GetListAsync("Groups?sortBy=displayName&sortOrder=descending")).Resources().Select(g => g["displayName"]!.GetValue<string>());
        var response = await client.PostJsonAsync("Users/.search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"sortBy":"userName","sortOrder":"ascending"}
            """);
        var users = UserNames(await response.ReadScimAsync(HttpStatusCode.OK));

        Assert.Equal(["beta", "Alpha"], groups);
        Assert.Equal(["amy@example.com", "zed@example.com"], users);
    }

    [Theory]
    [InlineData("Users?sortBy=shoeSize", "names no attribute")]
    [InlineData("Users?sortBy=nickName", "cannot be sorted on")]
    [InlineData("Users?sortBy=emails%5Btype%20eq%20%22work%22%5D", "names no attribute")]
    [InlineData("Users?sortBy=userName&sortOrder=sideways", "sortOrder")]
    [InlineData("Groups?sortBy=members", "cannot be sorted on")]
    public async Task A_path_that_is_not_sortable_is_400_invalidValue(string uri, string detail)
    {
        var client = await factory.CreateScimClientAsync();

        var error = await (await client.GetAsync(uri)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Contains(detail, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceProviderConfig_advertises_sorting_and_both_paging_methods()
    {
        var client = await factory.CreateScimClientAsync();

        var config = await client.GetScimAsync("ServiceProviderConfig");

        Assert.True(config["sort"]!["supported"]!.GetValue<bool>());
        var pagination = config["pagination"]!;
        Assert.True(pagination["cursor"]!.GetValue<bool>());
        Assert.True(pagination["index"]!.GetValue<bool>());
        Assert.Equal("index", pagination["defaultPaginationMethod"]!.GetValue<string>());
        Assert.Equal(200, pagination["maxPageSize"]!.GetValue<int>());
        Assert.Equal(3600, pagination["cursorTimeout"]!.GetValue<int>());
    }

    private static void Set(JsonObject body, string path, string value)
    {
        const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
        if (path.StartsWith(Enterprise, StringComparison.Ordinal))
        {
            body[Enterprise.TrimEnd(':')] = new JsonObject { [path[Enterprise.Length..]] = value };
        }
        else if (path.Split('.') is [var parent, var child])
        {
            body[parent] = new JsonObject { [child] = value };
        }
        else
        {
            body[path] = value;
        }
    }

    private static List<string> UserNames(JsonObject list) => [.. list.Resources().Select(r => r["userName"]!.GetValue<string>())];

    private static List<string> Ids(JsonObject list) => [.. list.Resources().Select(r => r["id"]!.GetValue<string>())];
}
