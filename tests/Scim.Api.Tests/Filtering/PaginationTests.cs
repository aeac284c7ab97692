using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Filtering;

/// <summary>Listing and paging (RFC 7644 §3.4.2.4; field report BC33).</summary>
public sealed class PaginationTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task ListUsers_WithoutPagingParameters_ReturnsAll_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(1, list["startIndex"]!.GetValue<int>());
        Assert.Equal(3, list["itemsPerPage"]!.GetValue<int>());
        Assert.Equal([f.U1, f.U2, f.U3], Ids(list));
    }

    [Fact]
    public async Task ListUsers_StartIndexOnly_ReturnsRest_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?startIndex=2");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(2, list["startIndex"]!.GetValue<int>());
        Assert.Equal([f.U2, f.U3], Ids(list));
    }

    [Fact]
    public async Task ListUsers_CountOnly_ReturnsFirstPage_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?count=2");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(2, list["itemsPerPage"]!.GetValue<int>());
        Assert.Equal([f.U1, f.U2], Ids(list));
    }

    [Fact]
    public async Task ListUsers_PagesAreStableAndDisjoint_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.Client.CreateUserAsync("""{"userName":"user4@example.com"}""");
        await f.Client.CreateUserAsync("""{"userName":"user5@example.com"}""");

        var pages = new List<string>();
        for (var start = 1; start <= 5; start += 2)
        {
            var page = await f.Client.GetListAsync($"Users?startIndex={start}&count=2");
            Assert.Equal(5, page.TotalResults());
            Assert.Equal(start, page["startIndex"]!.GetValue<int>());
            pages.AddRange(Ids(page));
        }

        var all = Ids(await f.Client.GetListAsync("Users"));
        Assert.Equal(all, pages);
        Assert.Equal(5, pages.Distinct().Count());
    }

    [Fact]
    public async Task ListUsers_CountZero_ReturnsTotalOnly()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?count=0");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(0, list["itemsPerPage"]!.GetValue<int>());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ListUsers_StartIndexBeyondEnd_ReturnsEmptyPageWithTotal()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?startIndex=10&count=5");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(10, list["startIndex"]!.GetValue<int>());
        Assert.Equal(0, list["itemsPerPage"]!.GetValue<int>());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ListUsers_StartIndexBelowOne_IsReadAsOne()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?startIndex=0");

        Assert.Equal(1, list["startIndex"]!.GetValue<int>());
        Assert.Equal(3, Ids(list).Count);
    }

    [Fact]
    public async Task ListGroups_Paged_ReturnsRequestedPage()
    {
        var client = await factory.CreateScimClientAsync();
        foreach (var name in new[] { "A", "B", "C" })
        {
            await client.CreateGroupAsync($$"""{"displayName":"{{name}}"}""");
        }

        var list = await client.GetListAsync("Groups?startIndex=2&count=1&excludedAttributes=members");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal("B", Assert.Single(list["Resources"]!.AsArray())!["displayName"]!.GetValue<string>());
    }

    private static List<string> Ids(JsonObject list) =>
        [.. list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];
}
