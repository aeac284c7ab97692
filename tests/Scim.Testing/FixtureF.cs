using System.Text.Json.Nodes;

namespace Scim.Testing;

/// <summary>
/// Three users of a new organization: u1 with a name, nickName and a typed primary work e-mail; u2 with one untyped
/// e-mail; u3 with a userName only. Tests add groups named "Sales" with the members a case needs.
/// </summary>
public sealed record FixtureF(HttpClient Client, string U1, string U2, string U3)
{
    public static async Task<FixtureF> CreateAsync(ScimApiFactory factory)
    {
        var client = await factory.CreateScimClientAsync();
        var u1 = await client.CreateUserAsync("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"user1@example.com",
             "name":{"givenName":"Alex","familyName":"One"},
             "nickName":"Al",
             "emails":[{"value":"user1@example.com","type":"work","primary":true}],
             "active":true}
            """);
        var u2 = await client.CreateUserAsync("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"user2@example.com",
             "emails":[{"value":"user2@example.com","primary":true}]}
            """);
        var u3 = await client.CreateUserAsync("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user3@example.com"}
            """);
        return new FixtureF(client, u1, u2, u3);
    }

    /// <summary>POSTs group g1 ("Sales") with <paramref name="members"/> and returns its id.</summary>
    public Task<string> CreateSalesGroupAsync(params string[] members)
    {
        var list = string.Join(",", members.Select(m => $$"""{"value":"{{m}}"}"""));
        return Client.CreateGroupAsync($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales","members":[{{list}}]}
            """);
    }

    /// <summary>The member ids of a group, read back with GET.</summary>
    public Task<string[]> MemberIdsAsync(string groupId) => Client.MemberIdsAsync(groupId);

    /// <summary>GET /Users/{id}.</summary>
    public Task<JsonObject> GetUserAsync(string id) => Client.GetScimAsync($"Users/{id}");

    /// <summary>PATCHes a user and asserts 200 with the patched user, which it returns.</summary>
    public Task<JsonObject> PatchUserOkAsync(string id, string body) => Client.PatchUserOkAsync(id, body);

    /// <summary>PATCHes a group and asserts 204 No Content.</summary>
    public Task PatchGroupOkAsync(string id, string body) => Client.PatchGroupOkAsync(id, body);
}
