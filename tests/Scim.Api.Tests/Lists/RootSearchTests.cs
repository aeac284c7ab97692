using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// A search of the root (RFC 7644 §3.4.2, §3.4.3): <c>GET /?filter=</c> and <c>POST /.search</c> return users and
/// groups in one ListResponse, users first, paged by startIndex across both; a filter on an attribute only one type
/// has matches that type only; <c>meta.resourceType</c> selects a type; sortBy and cursor are refused with a detail.
/// </summary>
public sealed class RootSearchTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Users_then_groups_paged_across_both()
    {
        var client = await factory.CreateScimClientAsync();
        var users = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await client.CreateUserAsync($$"""{"userName":"root{{i}}@example.com","displayName":"Root {{i}}"}"""));
        }

        var groups = new List<string> { await client.CreateGroupAsync("""{"displayName":"Root team"}"""), await client.CreateGroupAsync("""{"displayName":"Other"}""") };

        var all = await client.GetListAsync("?count=200");
        var second = await client.GetListAsync("?startIndex=3&count=2");
        var named = await client.GetListAsync($"?filter={Uri.EscapeDataString("displayName sw \"root\"")}");
        var onlyGroups = await client.GetListAsync($"?filter={Uri.EscapeDataString("meta.resourceType eq \"Group\"")}&attributes=displayName");
        var byUserName = await client.GetListAsync($"?filter={Uri.EscapeDataString("userName eq \"root1@example.com\"")}");
        var search = await (await client.PostJsonAsync(".search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"displayName eq \"Other\"","attributes":["displayName"]}
            """)).ReadScimAsync(HttpStatusCode.OK);

        Assert.Equal([.. users, .. groups], Ids(all));
        Assert.Equal(5, all.TotalResults());
        Assert.Equal(["User", "User", "User", "Group", "Group"], all.Resources().Select(r => r["meta"]!["resourceType"]!.GetValue<string>()));
        Assert.Equal([users[2], groups[0]], Ids(second));
        Assert.Equal(5, second.TotalResults());
        Assert.Equal([.. users, groups[0]], Ids(named));
        Assert.Equal(groups, Ids(onlyGroups));
        Assert.All(onlyGroups.Resources(), g => Assert.Null(g["members"]));
        Assert.Equal([users[1]], Ids(byUserName));
        Assert.Equal([groups[1]], Ids(search));
    }

    [Fact]
    public async Task An_attribute_of_one_type_is_unassigned_for_the_other_in_every_branch_of_a_filter()
    {
        var client = await factory.CreateScimClientAsync();
        var user = await client.CreateUserAsync("""{"userName":"either@example.com"}""");
        var team = await client.CreateGroupAsync($$"""{"displayName":"Either team","members":[{"value":"{{user}}"}]}""");
        var other = await client.CreateGroupAsync("""{"displayName":"Empty team"}""");

        async Task<List<string>> FindAsync(string filter) => Ids(await client.GetListAsync($"?filter={Uri.EscapeDataString(filter)}"));

        Assert.Equal([user, team], await FindAsync("meta.resourceType eq \"Group\" and displayName sw \"Either\" or userName eq \"either@example.com\""));
        Assert.Equal([user, team], await FindAsync("displayName eq \"Either team\" or userName eq \"either@example.com\""));
        Assert.Equal([user, team, other], await FindAsync("userName pr or members pr or displayName pr"));
        Assert.Equal([team], await FindAsync("members pr or userName eq \"nobody@example.com\""));
        Assert.Equal([team, other], await FindAsync("not (userName pr)"));
        Assert.Equal([user], await FindAsync("emails[type eq \"work\"] or userName eq \"either@example.com\""));
    }

    [Theory]
    [InlineData("?sortBy=displayName", "invalidValue")]
    [InlineData("?cursor=", "invalidValue")]
    [InlineData("?filter=displayName%20eq", "invalidFilter")]
    [InlineData("?filter=shoeSize%20eq%20%2242%22", "invalidFilter")]
    [InlineData("?filter=userName%20eq%20%22x%22%20or%20shoeSize%20pr", "invalidFilter")]
    [InlineData("?filter=password%20eq%20%22x%22", "invalidFilter")]
    public async Task What_the_root_cannot_answer_is_400(string query, string scimType)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync(query)).AssertScimErrorAsync(HttpStatusCode.BadRequest, scimType);
    }

    private static List<string> Ids(JsonObject list) => [.. list.Resources().Select(r => r["id"]!.GetValue<string>())];
}
