using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// Mutability in PATCH and PUT of users (RFC 7644 §3.5.1, §3.5.2; RFC 7643 §7): an operation that would give a
/// readOnly attribute (<c>id</c>, <c>meta</c>, <c>groups</c>, <c>manager.displayName</c>, <c>$ref</c>) a different
/// value is 400 mutability and applies nothing, whether it names the attribute by path or as a key of a path-less
/// value; the value the attribute already has is ignored (Entra's and Okta's path-less replace carry the user's own
/// id). A PUT whose id is not the one in the URL is 400 mutability; other readOnly values in a PUT are ignored.
/// </summary>
public sealed class PatchMutabilityTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static TheoryData<string> ChangesOfReadOnlyValues => new()
    {
        """{"op":"replace","value":{"id":"<other>","displayName":"Changed"}}""",
        """{"op":"replace","path":"id","value":"<other>"}""",
        """{"op":"add","path":"id","value":"<other>"}""",
        """{"op":"remove","path":"id"}""",
        """{"op":"replace","path":"meta.created","value":"2001-01-01T00:00:00Z"}""",
        """{"op":"replace","value":{"meta":{"created":"2001-01-01T00:00:00Z"}}}""",
        """{"op":"replace","value":{"meta.resourceType":"Group"}}""",
        """{"op":"remove","path":"meta"}""",
        """{"op":"add","path":"groups","value":[{"value":"<group>"}]}""",
        """{"op":"add","value":{"groups":[{"value":"<group>","display":"Other"}]}}""",
        """{"op":"remove","path":"groups"}""",
        """{"op":"replace","path":"groups[value eq \"<team>\"].display","value":"Renamed"}""",
        $$"""{"op":"replace","path":"{{Ent}}:manager.displayName","value":"Someone Else"}""",
        $$"""{"op":"replace","value":{"{{Ent}}:manager.displayName":"Someone Else"} }""",
        $$"""{"op":"replace","path":"{{Ent}}:manager.$ref","value":"https://elsewhere.example/Users/x"}""",
    };

    [Theory]
    [MemberData(nameof(ChangesOfReadOnlyValues))]
    public async Task PatchChangingAReadOnlyValue_Is400MutabilityAndAppliesNothing(string operation)
    {
        var client = await factory.CreateScimClientAsync();
        var (_, member) = await client.CreateTeamMemberWithManagerAsync();
        var other = await client.CreateUserAsync("""{"userName":"other@example.com"}""");
        var otherGroup = await client.CreateGroupAsync("""{"displayName":"Other"}""");
        var team = (await client.GetListAsync("Groups?filter=displayName eq \"Team\"")).Resources().Single()["id"]!.GetValue<string>();
        var before = await client.GetScimAsync($"Users/{member}");

        var response = await client.PatchJsonAsync($"Users/{member}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Changed"},
               {{operation.Replace("<other>", other).Replace("<group>", otherGroup).Replace("<team>", team)}}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        await client.AssertReadsBackAsync($"Users/{member}", before);
    }

    [Fact]
    public async Task PathlessReplaceWithTheUsersOwnId_AppliesTheRest()
    {
        var f = await FixtureF.CreateAsync(factory);

        var patched = await f.PatchUserOkAsync(f.U1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"id":"{{f.U1}}","displayName":"Alex Renamed","active":false} }]}
            """);

        Assert.Equal("Alex Renamed", patched["displayName"]!.GetValue<string>());
        Assert.False(patched["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PathlessReplaceEchoingEveryReadOnlyValue_AppliesTheRest()
    {
        var client = await factory.CreateScimClientAsync();
        var (_, member) = await client.CreateTeamMemberWithManagerAsync();
        var user = await client.GetScimAsync($"Users/{member}");
        user["title"] = "Echoed";
        user.Remove("schemas");

        var patched = await client.PatchUserOkAsync(member, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{{user.ToJsonString()}}}]}
            """);

        Assert.Equal("Echoed", patched["title"]!.GetValue<string>());
        Assert.Equal(member, patched["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"id","value":"<self>"}""")]
    [InlineData("""{"op":"add","path":"groups","value":[{"value":"<team>"}]}""")]
    [InlineData("""{"op":"replace","path":"meta.resourceType","value":"User"}""")]
    [InlineData("""{"op":"replace","value":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"]}}""")]
    public async Task PatchRepeatingAReadOnlyValue_IsIgnored(string operation)
    {
        var client = await factory.CreateScimClientAsync();
        var (_, member) = await client.CreateTeamMemberWithManagerAsync();
        var team = (await client.GetListAsync("Groups?filter=displayName eq \"Team\"")).Resources().Single()["id"]!.GetValue<string>();

        var patched = await client.PatchUserOkAsync(member, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Changed"},
               {{operation.Replace("<self>", member).Replace("<team>", team)}}]}
            """);

        Assert.Equal("Changed", patched["title"]!.GetValue<string>());
        Assert.Equal(team, Assert.Single(patched["groups"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceWithAnotherId_Is400MutabilityAndChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);

        var response = await f.Client.PutJsonAsync($"Users/{f.U1}", $$"""{"id":"{{f.U2}}","userName":"user1@example.com","title":"Changed"}""");

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        await f.Client.AssertReadsBackAsync($"Users/{f.U1}", before);
    }

    [Fact]
    public async Task ReplaceWithItsOwnIdAndOtherReadOnlyValues_IgnoresThem()
    {
        var client = await factory.CreateScimClientAsync();
        var (_, member) = await client.CreateTeamMemberWithManagerAsync();
        var other = await client.CreateGroupAsync("""{"displayName":"Other"}""");

        var response = await client.PutJsonAsync($"Users/{member}", $$"""
            {"id":"{{member}}","userName":"member@example.com","title":"Replaced",
             "meta":{"created":"2001-01-01T00:00:00Z","resourceType":"Group"},"groups":[{"value":"{{other}}"}]}
            """);

        var replaced = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("Replaced", replaced["title"]!.GetValue<string>());
        Assert.Equal("User", replaced["meta"]!["resourceType"]!.GetValue<string>());
        Assert.NotEqual(other, Assert.Single(replaced["groups"]!.AsArray())!["value"]!.GetValue<string>());
        Assert.False(replaced["meta"]!["created"]!.GetValue<string>().StartsWith("2001", StringComparison.Ordinal));
    }
}
