using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>GET /Groups/{id}: members are listed with their type; excludedAttributes=members drops the key.</summary>
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
}
