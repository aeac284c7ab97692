using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// A user's <c>groups.$ref</c> (RFC 7643 §4.1.2) and the enterprise <c>manager.$ref</c> (§4.3) are the referenced
/// resource's own URL on this server (its <c>meta.location</c>), derived from its id in every answer that carries the
/// user; a client-sent <c>$ref</c> is not stored; <c>attributes</c> / <c>excludedAttributes</c> select them.
/// </summary>
public sealed class UserReferenceTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task GroupsAndManager_CarryTheirLocationsAsRef()
    {
        var client = await factory.CreateScimClientAsync();
        var (manager, member) = await client.CreateTeamMemberWithManagerAsync();
        var team = (await client.GetListAsync("Groups?filter=displayName eq \"Team\"")).Resources().Single();

        var user = await client.GetScimAsync($"Users/{member}");

        var group = Assert.Single(user["groups"]!.AsArray())!;
        Assert.Equal(team["meta"]!["location"]!.GetValue<string>(), group["$ref"]!.GetValue<string>());
        Assert.Equal(await LocationAsync(client, $"Users/{manager}"), user[Ent]!["manager"]!["$ref"]!.GetValue<string>());
        Assert.Equal($"http://localhost/Users/{manager}", user[Ent]!["manager"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task WriteAnswers_CarryTheSameRefs()
    {
        var client = await factory.CreateScimClientAsync();
        var (_, member) = await client.CreateTeamMemberWithManagerAsync();

        var patched = await client.PatchUserOkAsync(member, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Lead"}]}
            """);

        Assert.NotNull(patched["groups"]![0]!["$ref"]);
        Assert.NotNull(patched[Ent]!["manager"]!["$ref"]);
        await client.AssertReadsBackAsync($"Users/{member}", patched);
    }

    [Fact]
    public async Task ClientSentManagerRef_IsNotStored()
    {
        var client = await factory.CreateScimClientAsync();
        var manager = await client.CreateUserAsync("""{"userName":"lead@example.com"}""");

        var response = await client.PostJsonAsync("Users", $$"""
            {"userName":"member@example.com","{{Ent}}":{"manager":{"value":"{{manager}}","$ref":"https://elsewhere.example/Users/x"} } }
            """);

        var created = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal($"http://localhost/Users/{manager}", created[Ent]!["manager"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task AttributesManagerValue_LeavesRefOut()
    {
        var client = await factory.CreateScimClientAsync();
        var (manager, member) = await client.CreateTeamMemberWithManagerAsync();

        var user = await client.GetScimAsync($"Users/{member}?attributes={Ent}:manager.value,groups.value");

        Assert.Equal(["value"], user[Ent]!["manager"]!.AsObject().Select(p => p.Key));
        Assert.Equal(manager, user[Ent]!["manager"]!["value"]!.GetValue<string>());
        Assert.Equal(["value"], Assert.Single(user["groups"]!.AsArray())!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task ExcludedAttributesRefs_KeepTheRest()
    {
        var client = await factory.CreateScimClientAsync();
        var (_, member) = await client.CreateTeamMemberWithManagerAsync();

        var user = await client.GetScimAsync($"Users/{member}?excludedAttributes=groups.$ref,{Ent}:manager.$ref");

        Assert.Equal(["value", "displayName"], user[Ent]!["manager"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["value", "display", "type"], Assert.Single(user["groups"]!.AsArray())!.AsObject().Select(p => p.Key));
    }

    private static async Task<string> LocationAsync(HttpClient client, string uri) =>
        (await client.GetScimAsync(uri))["meta"]!["location"]!.GetValue<string>();
}
