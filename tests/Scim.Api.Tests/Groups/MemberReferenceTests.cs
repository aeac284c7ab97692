using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// <c>members.$ref</c> (RFC 7643 §4.2) is the member's own URL on this server, the <c>meta.location</c> the member is
/// read with: <c>/Users/{id}</c> for a user, <c>/Groups/{id}</c> for a nested group. It is derived from the member's
/// id, never taken from the client, and <c>attributes</c> / <c>excludedAttributes</c> select it like any sub-attribute.
/// </summary>
public sealed class MemberReferenceTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Members_CarryTheMembersLocationAsRef()
    {
        var f = await FixtureF.CreateAsync(factory);
        var nested = await f.Client.CreateGroupAsync("""{"displayName":"Nested"}""");
        var group = await f.Client.CreateGroupAsync($$"""{"displayName":"Outer","members":[{"value":"{{f.U1}}"},{"value":"{{nested}}"}]}""");

        var members = (await f.Client.GetScimAsync($"Groups/{group}"))["members"]!.AsArray().Select(m => m!.AsObject()).ToList();

        Assert.Equal(await LocationAsync(f.Client, $"Users/{f.U1}"), Member(members, f.U1)["$ref"]!.GetValue<string>());
        Assert.Equal(await LocationAsync(f.Client, $"Groups/{nested}"), Member(members, nested)["$ref"]!.GetValue<string>());
        Assert.Equal($"http://localhost/Users/{f.U1}", Member(members, f.U1)["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientSentRef_IsNotStored()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PostJsonAsync("Groups", $$"""
            {"displayName":"Sales","members":[{"value":"{{f.U1}}","$ref":"https://elsewhere.example/Users/someone-else"}]}
            """);

        var created = await response.ReadScimAsync(HttpStatusCode.Created);
        var member = Assert.Single(created["members"]!.AsArray())!;
        Assert.Equal($"http://localhost/Users/{f.U1}", member["$ref"]!.GetValue<string>());
        await f.Client.AssertReadsBackAsync($"Groups/{created["id"]}", created);
    }

    [Fact]
    public async Task AttributesMembersValue_LeavesRefOut()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var member = Assert.Single((await f.Client.GetScimAsync($"Groups/{group}?attributes=members.value"))["members"]!.AsArray())!.AsObject();

        Assert.Equal(["value"], member.Select(p => p.Key));
    }

    [Fact]
    public async Task AttributesMembersRef_ReturnsOnlyRef()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var member = Assert.Single((await f.Client.GetScimAsync($"Groups/{group}?attributes=members.$ref"))["members"]!.AsArray())!.AsObject();

        Assert.Equal(["$ref"], member.Select(p => p.Key));
    }

    [Fact]
    public async Task ExcludedAttributesMembersRef_KeepsTheRest()
    {
        var f = await FixtureF.CreateAsync(factory);
        var group = await f.CreateSalesGroupAsync(f.U1);

        var list = await f.Client.GetListAsync("Groups?excludedAttributes=members.$ref");

        var member = Assert.Single(Assert.Single(list.Resources())["members"]!.AsArray())!.AsObject();
        Assert.Equal(["value", "display", "type"], member.Select(p => p.Key));
    }

    private static JsonObject Member(List<JsonObject> members, string id) => members.Single(m => m["value"]!.GetValue<string>() == id);

    private static async Task<string> LocationAsync(HttpClient client, string uri) =>
        (await client.GetScimAsync(uri))["meta"]!["location"]!.GetValue<string>();
}
