using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// Mutability in PATCH and PUT of groups (RFC 7644 §3.5.1, §3.5.2; RFC 7643 §4.2, §7): a member's <c>value</c> and
/// <c>type</c> are immutable and its <c>display</c> and <c>$ref</c> readOnly, so a PATCH that changes them inside an
/// existing member is 400 mutability (members are added and removed whole); a different <c>id</c> is 400 mutability
/// in PATCH and PUT, and the group's own id is ignored (Okta renames a group with a path-less replace of
/// <c>{id, displayName}</c>). A <c>type</c> that is not the type of the resource the member's id names is 400
/// invalidValue. Nothing is applied when any operation fails.
/// </summary>
public sealed class GroupMutabilityTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    public static TheoryData<string> ChangesOfMemberValues => new()
    {
        """{"op":"replace","path":"members[value eq \"<u1>\"].value","value":"<u2>"}""",
        """{"op":"replace","path":"members[value eq \"<u1>\"]","value":{"value":"<u2>"}}""",
        """{"op":"add","path":"members[value eq \"<u1>\"].type","value":"Group"}""",
        """{"op":"replace","path":"members.value","value":"<u2>"}""",
        """{"op":"remove","path":"members[value eq \"<u1>\"].type"}""",
        """{"op":"replace","path":"members[value eq \"<u1>\"].display","value":"Someone"}""",
        """{"op":"replace","path":"members[value eq \"<u1>\"].$ref","value":"https://elsewhere.example/Users/x"}""",
        """{"op":"replace","value":{"id":"<u2>","displayName":"Renamed"}}""",
        """{"op":"replace","path":"id","value":"<u2>"}""",
        """{"op":"replace","path":"meta.lastModified","value":"2001-01-01T00:00:00Z"}""",
    };

    [Theory]
    [MemberData(nameof(ChangesOfMemberValues))]
    public async Task PatchChangingAnImmutableOrReadOnlyValue_Is400MutabilityAndAppliesNothing(string operation)
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);
        var before = await f.Client.GetScimAsync($"Groups/{group}");

        var response = await f.Client.PatchJsonAsync($"Groups/{group}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"{{f.U3}}"}]},
               {{operation.Replace("<u1>", f.U1).Replace("<u2>", f.U2)}}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        await f.Client.AssertReadsBackAsync($"Groups/{group}", before);
    }

    [Fact]
    public async Task OktaRename_PathlessReplaceWithOwnId_RenamesTheGroup()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(group, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"id":"{{group}}","displayName":"Sales EMEA"} }]}
            """);

        var renamed = await f.Client.GetScimAsync($"Groups/{group}");
        Assert.Equal("Sales EMEA", renamed["displayName"]!.GetValue<string>());
        Assert.Equal([f.U1], await f.MemberIdsAsync(group));
    }

    [Fact]
    public async Task ReplaceWithAnotherId_Is400MutabilityAndChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);
        var other = await f.Client.CreateGroupAsync("""{"displayName":"Other"}""");
        var before = await f.Client.GetScimAsync($"Groups/{group}");

        var response = await f.Client.PutJsonAsync($"Groups/{group}", $$"""{"id":"{{other}}","displayName":"Sales","members":[]}""");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        await f.Client.AssertReadsBackAsync($"Groups/{group}", before);
    }

    [Fact]
    public async Task ReplaceWithOwnIdAndClientDisplays_IgnoresThem()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.PutJsonAsync($"Groups/{group}", $$"""
            {"id":"{{group}}","displayName":"Sales","members":[{"value":"{{f.U2}}","display":"Not The Name","type":"User"}]}
            """);

        var member = Assert.Single((await response.ReadScimAsync(HttpStatusCode.OK))["members"]!.AsArray())!;
        Assert.Equal(f.U2, member["value"]!.GetValue<string>());
        Assert.Equal("user2@example.com", member["display"]!.GetValue<string>());
        Assert.Equal("User", member["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task MemberTypeThatIsNotTheTypeOfItsId_Is400InvalidValue(string method)
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var response = method == "POST"
            ? await f.Client.PostJsonAsync("Groups", $$"""{"displayName":"Wrong","members":[{"value":"{{f.U2}}","type":"Group"}]}""")
            : await f.Client.PatchJsonAsync($"Groups/{group}", $$"""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"{{f.U2}}","type":"Group"}]}]}
                """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal([f.U1], await f.MemberIdsAsync(group));
        Assert.Equal(1, (await f.Client.GetListAsync("Groups")).TotalResults());
    }

    [Fact]
    public async Task MemberTypeInAnyCase_IsAccepted()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(group, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"{{f.U2}}","type":"user"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2), await f.MemberIdsAsync(group));
    }
}
