using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>What the Entra provisioning service and the SCIM Validator send for groups.</summary>
public sealed class EntraGroupTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
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
    public async Task ListGroups_ExcludedAttributesMembers_HasNoMembersKey()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.CreateSalesGroupAsync(f.U1, f.U2);

        var list = await f.Client.GetListAsync("Groups?excludedAttributes=members");

        var group = Assert.Single(list["Resources"]!.AsArray())!.AsObject();
        Assert.Equal("Sales", group["displayName"]!.GetValue<string>());
        Assert.False(group.ContainsKey("members"));
    }

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
    public async Task CreateGroup_DuplicateDisplayName_Is409Uniqueness()
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Finance"}""");

        var response = await client.PostJsonAsync("Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Finance"}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task PatchGroup_PathlessReplaceOfExternalIdAndDisplayName_Updates()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(g1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","value":{"externalId":"grp-ext-9","displayName":"Sales NA"}}]}
            """);

        var group = await f.Client.GetScimAsync($"Groups/{g1}");
        Assert.Equal("grp-ext-9", group["externalId"]!.GetValue<string>());
        Assert.Equal("Sales NA", group["displayName"]!.GetValue<string>());
        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddAndRemoveSameMemberInOnePatch_EndsWithoutIt()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"{{f.U2}}"}]},
                           {"op":"Remove","path":"members","value":[{"value":"{{f.U2}}"}]}]}
            """);

        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task DeleteGroup_Is204ThenGetIs404ThenDeleteAgainIs404()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client.DeleteAsync($"Groups/{g1}")).StatusCode);

        await (await f.Client.GetAsync($"Groups/{g1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await f.Client.DeleteAsync($"Groups/{g1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal("user1@example.com", (await f.GetUserAsync(f.U1))["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceGroup_SetsDisplayNameAndMembers()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.PutJsonAsync($"Groups/{g1}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales West",
             "members":[{"value":"{{f.U2}}"},{"value":"{{f.U3}}"}]}
            """);

        await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("Sales West", (await f.Client.GetScimAsync($"Groups/{g1}"))["displayName"]!.GetValue<string>());
        Assert.Equal(ScimHttp.Sorted(f.U2, f.U3), await f.MemberIdsAsync(g1));
    }
}
