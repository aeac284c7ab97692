using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// Cursor paging (RFC 9865): <c>cursor=</c> asks for the first page, each page's <c>nextCursor</c> for the next, the
/// last page has none; a walk returns every resource once in the list's order, also while resources are created and
/// deleted; a cursor works only for the organization, endpoint, filter and sort it was issued for (400
/// invalidCursor), not after the cursor timeout (400 expiredCursor), and not altered.
/// </summary>
public sealed class CursorPagingTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("&sortBy=userName")]
    [InlineData("&sortBy=userName&sortOrder=descending")]
    [InlineData("&sortBy=name.givenName")]
    [InlineData("&sortBy=meta.lastModified&sortOrder=descending")]
    [InlineData("&sortBy=externalId")]
    [InlineData("&sortBy=externalId&sortOrder=descending")]
    [InlineData("&sortBy=displayName&sortOrder=descending")]
    public async Task A_walk_returns_every_user_once_in_the_order_of_an_index_walk(string sort)
    {
        var client = await factory.CreateScimClientAsync();
        for (var i = 0; i < 7; i++)
        {
            var user = new JsonObject { ["userName"] = $"walker{i * 5 % 7}@example.com" };
            if (i % 3 != 0)
            {
                user["name"] = new JsonObject { ["givenName"] = $"G{i % 2}" };
            }

            // Four with an externalId and a displayName (pairs of equal ones), three without: the second page of three
            // crosses from one kind to the other.
            if (i % 2 == 0)
            {
                user["externalId"] = $"E{i % 4}";
                user["displayName"] = $"D{i % 4}";
            }

            await client.CreateUserAsync(user.ToJsonString());
        }

        var pages = await WalkAsync(client, $"Users?count=3{sort}&cursor=");
        var byIndex = (await client.GetListAsync($"Users?count=200{sort}")).Resources().Select(r => r["id"]!.GetValue<string>());

        Assert.Equal(byIndex, pages.SelectMany(p => p.Resources()).Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal([3, 3, 1], pages.Select(p => p["itemsPerPage"]!.GetValue<int>()));
        Assert.All(pages, p => Assert.Null(p["startIndex"]));
        Assert.All(pages, p => Assert.Null(p["totalResults"]));
        Assert.Null(pages[^1]["nextCursor"]);
    }

    [Fact]
    public async Task Resources_that_exist_throughout_are_returned_once_while_others_come_and_go()
    {
        var client = await factory.CreateScimClientAsync();
        var stable = new List<string>();
        var doomed = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            (i % 3 == 0 ? doomed : stable).Add(await client.CreateUserAsync($$"""{"userName":"churn{{i:D2}}@example.com"}"""));
        }

        var seen = new List<string>();
        var page = await client.GetListAsync("Users?sortBy=userName&count=4&cursor=");
        var round = 0;
        while (true)
        {
            seen.AddRange(page.Resources().Select(r => r["id"]!.GetValue<string>()));
            if (page["nextCursor"] is not { } next)
            {
                break;
            }

            // Between pages: delete a user not seen yet, and add users before and after the walk's position.
            if (doomed.FirstOrDefault(d => !seen.Contains(d)) is { } victim)
            {
                (await client.DeleteAsync($"Users/{victim}")).EnsureSuccessStatusCode();
                doomed.Remove(victim);
            }

            await client.CreateUserAsync($$"""{"userName":"aaa-new{{round}}@example.com"}""");
            await client.CreateUserAsync($$"""{"userName":"zzz-new{{round++}}@example.com"}""");
            page = await client.GetListAsync($"Users?sortBy=userName&count=4&cursor={Uri.EscapeDataString(next.GetValue<string>())}");
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(stable, id => Assert.Contains(id, seen));
    }

    [Fact]
    public async Task Groups_and_search_page_by_cursor()
    {
        var client = await factory.CreateScimClientAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.CreateGroupAsync($$"""{"displayName":"team {{i}}"}""");
        }

        var groups = await WalkAsync(client, "Groups?count=2&sortBy=displayName&cursor=");
        var search = await client.PostJsonAsync("Groups/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"count":4,"cursor":""}""");
        var first = await search.ReadScimAsync(HttpStatusCode.OK);
        var second = await client.PostJsonAsync("Groups/.search", new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
            ["count"] = 4,
            ["cursor"] = first["nextCursor"]!.GetValue<string>(),
        }.ToJsonString());

        Assert.Equal(["team 0", "team 1", "team 2", "team 3", "team 4"], groups.SelectMany(p => p.Resources()).Select(g => g["displayName"]!.GetValue<string>()));
        Assert.Equal(4, first.Resources().Count);
        Assert.Single((await second.ReadScimAsync(HttpStatusCode.OK)).Resources());
    }

    [Fact]
    public async Task A_cursor_is_bound_to_its_query_and_organization_and_cannot_be_altered()
    {
        var client = await factory.CreateScimClientAsync();
        var other = await factory.CreateScimClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.CreateUserAsync($$"""{"userName":"bound{{i}}@example.com"}""");
            await other.CreateUserAsync($$"""{"userName":"bound{{i}}@example.com"}""");
        }

        var next = Uri.EscapeDataString((await client.GetListAsync("Users?count=1&cursor="))["nextCursor"]!.GetValue<string>());
        var altered = next[..^2] + (next[^2] == 'A' ? "B" : "A") + next[^1];

        await AssertRefusedAsync(client, $"Users?count=1&cursor={next}&sortBy=userName", "invalidCursor");
        await AssertRefusedAsync(client, $"Users?count=1&cursor={next}&filter=userName%20pr", "invalidCursor");
        await AssertRefusedAsync(client, $"Groups?count=1&cursor={next}", "invalidCursor");
        await AssertRefusedAsync(other, $"Users?count=1&cursor={next}", "invalidCursor");
        await AssertRefusedAsync(client, $"Users?count=1&cursor={altered}", "invalidCursor");
        await AssertRefusedAsync(client, "Users?count=1&cursor=not-a-cursor", "invalidCursor");
        await AssertRefusedAsync(client, $"Users?count=1&cursor={next}&startIndex=2", "invalidValue");
        await AssertRefusedAsync(client, $"Users?count=0&cursor={next}", "invalidValue");
        await AssertRefusedAsync(client, "Users?count=0&cursor=", "invalidValue");
        Assert.Single((await client.GetListAsync($"Users?count=1&cursor={next}")).Resources());

        factory.Clock.Advance(TimeSpan.FromSeconds(3601));
        await AssertRefusedAsync(client, $"Users?count=1&cursor={next}", "expiredCursor");
    }

    private static async Task AssertRefusedAsync(HttpClient client, string uri, string scimType)
    {
        var error = await (await client.GetAsync(uri)).AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);
        Assert.False(string.IsNullOrWhiteSpace(error["detail"]?.GetValue<string>()));
    }

    private static async Task<List<JsonObject>> WalkAsync(HttpClient client, string first)
    {
        var pages = new List<JsonObject> { await client.GetListAsync(first) };
        while (pages[^1]["nextCursor"] is { } next)
        {
            var uri = first[..first.IndexOf("cursor=", StringComparison.Ordinal)] + "cursor=" + Uri.EscapeDataString(next.GetValue<string>());
            pages.Add(await client.GetListAsync(uri));
            Assert.True(pages.Count < 100, "the walk does not end");
        }

        return pages;
    }
}
