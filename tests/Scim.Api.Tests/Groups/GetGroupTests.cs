using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// GET /Groups/{id}: members are listed with their type; excludedAttributes=members drops the key; a group of
/// thousands of members returns every one of them.
/// </summary>
public sealed class GetGroupTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task GetGroup_Default_ListsMembersWithTypeAndRef()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        var group = await f.Client.GetScimAsync($"Groups/{g1}");

        var member = Assert.Single(group["members"]!.AsArray())!;
        Assert.Equal(f.U1, member["value"]!.GetValue<string>());
        Assert.Equal("User", member["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetGroup_ExcludedAttributesMembers_HasNoMembersKey()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        var group = await f.Client.GetScimAsync($"Groups/{g1}?excludedAttributes=members");

        Assert.Equal(g1, group["id"]!.GetValue<string>());
        Assert.Equal("Sales", group["displayName"]!.GetValue<string>());
        Assert.False(group.ContainsKey("members"));
    }

    [Fact]
    public async Task GetGroup_With5000Members_ReturnsEveryMember()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var users = await factory.InsertUsersAsync(organizationId, 5_000);
        var group = await client.CreateGroupAsync("""{"displayName":"Everyone"}""");
        var members = new JsonArray([.. users.Select(id => new JsonObject { ["value"] = id })]);
        await client.PatchGroupOkAsync(group, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":{{members.ToJsonString()}}}]}
            """);

        var body = await client.GetScimAsync($"Groups/{group}");

        var returned = body["members"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(ScimHttp.Sorted(users), returned.Select(m => m["value"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray());
        Assert.All(returned, m => Assert.Equal("User", m["type"]!.GetValue<string>()));
        Assert.All(returned, m => Assert.StartsWith("bulk-", m["display"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(group, body["id"]!.GetValue<string>());
        Assert.Equal("Group", body["meta"]!["resourceType"]!.GetValue<string>());
    }
}
