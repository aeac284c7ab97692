using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Writes;

/// <summary>
/// An update writes an indexed column (userName, displayName, externalId, manager, lastModified) only when its value
/// changes: whatever a PATCH or PUT leaves alone, filters, sorts and uniqueness keep finding by its stored value, and
/// whatever it changes they find by the new one, never the old.
/// </summary>
public sealed class IndexedColumnUpdateTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task PatchesOfEachIndexedAttribute_AreFoundByTheNewValueOnly()
    {
        var client = await factory.CreateScimClientAsync();
        var manager = await client.CreateUserAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"grace@example.com"}""");
        var other = await client.CreateUserAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"linus@example.com"}""");
        var id = await client.CreateUserAsync("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@example.com","externalId":"e-1","displayName":"Ada"}
            """);

        // A change of a column no index holds: every indexed value is still found.
        await Patch(client, id, """{"op":"replace","path":"title","value":"Analyst"}""");
        Assert.Equal([id], await Find(client, "userName eq \"ada@example.com\""));
        Assert.Equal([id], await Find(client, "externalId eq \"e-1\""));
        Assert.Equal([id], await Find(client, "displayName eq \"Ada\""));
        Assert.Equal([id], await Find(client, "title eq \"Analyst\""));

        // userName's case alone: what GET returns changes, the case-insensitive match does not.
        await Patch(client, id, """{"op":"replace","path":"userName","value":"ADA@example.com"}""");
        Assert.Equal("ADA@example.com", (await client.GetScimAsync($"Users/{id}"))["userName"]!.GetValue<string>());
        Assert.Equal([id], await Find(client, "userName eq \"ada@example.com\""));

        await Patch(client, id, """{"op":"replace","path":"userName","value":"ada.lovelace@example.com"}""");
        Assert.Equal([id], await Find(client, "userName eq \"ada.lovelace@example.com\""));
        Assert.Empty(await Find(client, "userName eq \"ada@example.com\""));

        await Patch(client, id, """{"op":"replace","path":"externalId","value":"e-2"}""");
        Assert.Equal([id], await Find(client, "externalId eq \"e-2\""));
        Assert.Empty(await Find(client, "externalId eq \"e-1\""));

        await Patch(client, id, """{"op":"replace","path":"displayName","value":"Ada Lovelace"}""");
        Assert.Equal([id], await Find(client, "displayName eq \"Ada Lovelace\""));
        Assert.Empty(await Find(client, "displayName eq \"Ada\""));

        await Patch(client, id, $$$"""{"op":"replace","path":"{{{Enterprise}}}:manager","value":{"value":"{{{manager}}}"}}""");
        Assert.Equal([id], await Find(client, $"{Enterprise}:manager.value eq \"{manager}\""));
        await Patch(client, id, $$"""{"op":"remove","path":"{{Enterprise}}:manager"}""");
        Assert.Empty(await Find(client, $"{Enterprise}:manager.value eq \"{manager}\""));

        // The unique index still holds a userName the update did not name.
        var taken = await client.PatchJsonAsync($"Users/{other}", PatchOp("""{"op":"replace","path":"userName","value":"ADA.LOVELACE@example.com"}"""));
        await taken.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");

        // The last change comes first by lastModified, descending.
        await Patch(client, manager, """{"op":"replace","path":"title","value":"Admiral"}""");
        var newest = await client.GetListAsync("Users?sortBy=meta.lastModified&sortOrder=descending&count=1&attributes=id");
        Assert.Equal(manager, newest["Resources"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceOfAGroup_IsFoundByItsNewDisplayNameAndKeepsItsExternalId()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales","externalId":"g-1"}""");

        var replaced = await client.PutJsonAsync($"Groups/{id}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales EMEA","externalId":"g-1"}
            """);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        Assert.Equal([id], await Find(client, "displayName eq \"Sales EMEA\"", "Groups"));
        Assert.Empty(await Find(client, "displayName eq \"Sales\"", "Groups"));
        Assert.Equal([id], await Find(client, "externalId eq \"g-1\"", "Groups"));
    }

    private static string PatchOp(string operation) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operation}}]}""";

    private static Task<JsonObject> Patch(HttpClient client, string id, string operation) => client.PatchUserOkAsync(id, PatchOp(operation));

    private static async Task<string[]> Find(HttpClient client, string filter, string resources = "Users")
    {
        var list = await client.GetListAsync($"{resources}?attributes=id&filter={Uri.EscapeDataString(filter)}");
        return [.. list["Resources"]?.AsArray().Select(r => r!["id"]!.GetValue<string>()) ?? []];
    }
}
