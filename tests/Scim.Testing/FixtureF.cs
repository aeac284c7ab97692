using System.Text.Json.Nodes;

namespace Scim.Testing;

/// <summary>
/// Fixture F of the field reports: three users of a new organization, u1 (full), u2 (untyped email) and u3 (userName only),
/// plus groups named "Sales" with the members a case needs.
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

    /// <summary>PATCHes a user and asserts OK-PATCH (200 with the resource, or 204).</summary>
    public Task PatchUserOkAsync(string id, string body) => Client.PatchOkAsync($"Users/{id}", body);

    /// <summary>PATCHes a group and asserts OK-PATCH (200 with the resource, or 204).</summary>
    public Task PatchGroupOkAsync(string id, string body) => Client.PatchOkAsync($"Groups/{id}", body);
}
