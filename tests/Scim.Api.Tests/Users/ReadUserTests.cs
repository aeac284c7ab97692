using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>A user reads the same whichever way it is read: by id, by a filter matching only it, or in a page of many.</summary>
public sealed class ReadUserTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task GetById_FilterAndPage_ReturnTheSameRepresentation()
    {
        var client = await factory.CreateScimClientAsync();
        var manager = await client.CreateUserAsync("""{"userName":"boss@example.com","displayName":"The Boss"}""");
        var id = await client.CreateUserAsync($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"full@example.com","displayName":"Full User",
             "emails":[{"value":"full@example.com","type":"work","primary":true},{"value":"home@example.com","type":"home"}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
             "roles":[{"value":"admin","primary":false}],
             "addresses":[{"streetAddress":"1 Main St","locality":"Springfield","type":"work","primary":true},{"locality":"Shelbyville","type":"home"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"IT","manager":{"value":"{{manager}}"} } }
            """);
        await client.CreateUserAsync("""{"userName":"other@example.com","emails":[{"value":"other@example.com"}],"addresses":[{"locality":"Elsewhere"}]}""");
        foreach (var name in new[] { "Zeta", "alpha" })
        {
            await client.CreateGroupAsync($$"""{"displayName":"{{name}}","members":[{"value":"{{id}}"},{"value":"{{manager}}"}]}""");
        }

        var byId = await client.GetScimAsync($"Users/{id}");
        var byFilter = (await client.GetScimAsync("Users?filter=userName%20eq%20%22FULL@example.com%22"))["Resources"]!.AsArray().Single()!;
        var inPage = (await client.GetScimAsync("Users?count=10"))["Resources"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;

        Assert.True(JsonNode.DeepEquals(byId, byFilter), $"{byId}\n{byFilter}");
        Assert.True(JsonNode.DeepEquals(byId, inPage), $"{byId}\n{inPage}");
        Assert.Equal(["full@example.com", "home@example.com"], byId["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
        Assert.Equal(["Springfield", "Shelbyville"], byId["addresses"]!.AsArray().Select(a => a!["locality"]!.GetValue<string>()));
        Assert.Equal(["alpha", "Zeta"], byId["groups"]!.AsArray().Select(g => g!["display"]!.GetValue<string>()));
        Assert.Equal("The Boss", byId["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["manager"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateReplaceAndPatch_AnswerWithWhatTheNextGetReturns()
    {
        var client = await factory.CreateScimClientAsync();
        var manager = await client.CreateUserAsync("""{"userName":"lead@example.com","displayName":"Team Lead"}""");
        var created = await (await client.PostJsonAsync("Users", $$"""
            {"userName":"member@example.com","emails":[{"value":"member@example.com","type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"{{manager}}"} } }
            """)).ReadScimAsync(System.Net.HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        await AssertSameAsGetAsync(client, id, created);
        await client.CreateGroupAsync($$"""{"displayName":"Team","members":[{"value":"{{id}}"}]}""");

        var patched = await (await client.PatchJsonAsync($"Users/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Engineer"},
                           {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{manager}}"}]}
            """)).ReadScimAsync(System.Net.HttpStatusCode.OK);
        await AssertSameAsGetAsync(client, id, patched);
        Assert.Equal("Team", patched["groups"]![0]!["display"]!.GetValue<string>());
        Assert.Equal("Team Lead", patched["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["manager"]!["displayName"]!.GetValue<string>());

        var replaced = await (await client.PutJsonAsync($"Users/{id}", $$"""
            {"userName":"member@example.com","title":"Staff Engineer",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"{{manager}}"} } }
            """)).ReadScimAsync(System.Net.HttpStatusCode.OK);
        await AssertSameAsGetAsync(client, id, replaced);
    }

    private static async Task AssertSameAsGetAsync(HttpClient client, string id, JsonNode written)
    {
        var read = await client.GetScimAsync($"Users/{id}");
        Assert.True(JsonNode.DeepEquals(read, written), $"write answered {written}\nGET returns {read}");
    }
}
