using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// GET /Users/{id} (RFC 7644 §3.4.1): an unknown id is 404; unknown query parameters are ignored; attributes narrows
/// the answer to what was asked for, plus id, and omits sub-attributes the user lacks; a user reads the same by id, by a
/// filter matching only it, and in a page of many; the manager's displayName is the manager's current one, and a
/// deleted manager leaves no manager (nor the enterprise schema, when nothing else of it is set).
/// </summary>
public sealed class GetUserTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("no-such-user")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task GetUser_UnknownId_Is404ScimError(string id)
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync($"Users/{id}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetUser_UnknownQueryParameter_IsIgnored()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?aadOptscim062020");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUser_AttributesId_ReturnsOnlyIdAndAlwaysReturned()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?attributes=id");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey("emails"));
        Assert.False(user.ContainsKey("nickName"));
    }

    [Fact]
    public async Task GetUser_AttributesMetaLocation_ReturnsOnlyTheAbsoluteLocation()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?attributes=meta.location");

        var meta = user["meta"]!.AsObject();
        Assert.Equal(["location"], meta.Select(p => p.Key));
        Assert.Equal(new Uri(f.Client.BaseAddress!, $"Users/{f.U1}").ToString(), meta["location"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("meta.location", "resourceType", "location")]
    [InlineData("meta.resourceType", "location", "resourceType")]
    public async Task GetUser_ExcludedMetaSubAttribute_LeavesTheOthers(string excluded, string kept, string dropped)
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?excludedAttributes={excluded}");

        var meta = user["meta"]!.AsObject();
        Assert.True(meta.ContainsKey(kept));
        Assert.True(meta.ContainsKey("created"));
        Assert.False(meta.ContainsKey(dropped));
    }

    [Fact]
    public async Task GetUser_AttributesNamingSubAttributesTheUserLacks_OmitsThemInsteadOfReturningEmptyValues()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?attributes={Ent}:manager,emails.display,name.middleName");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.False(user.ContainsKey(Ent));
        Assert.False(user.ContainsKey("emails"));
        Assert.False(user.ContainsKey("name"));
    }

    [Fact]
    public async Task GetUser_AttributesUserNameAndEmailsValue_ReturnsOnlyThose()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?attributes=userName,emails.value");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.Equal("user1@example.com", user["userName"]!.GetValue<string>());
        var email = Assert.Single(user["emails"]!.AsArray())!.AsObject();
        Assert.Equal("user1@example.com", email["value"]!.GetValue<string>());
        Assert.False(email.ContainsKey("type"));
        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey("nickName"));
        Assert.False(user.ContainsKey("active"));
    }

    [Fact]
    public async Task GetUser_ById_IsTheSameAsByFilterAndInAPage()
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
    public async Task GetUser_AttributesUserName_ReturnsOnlySchemasIdAndUserName()
    {
        var client = await factory.CreateScimClientAsync();
        var (_, member) = await client.CreateTeamMemberWithManagerAsync();

        var user = await client.GetScimAsync($"Users/{member}?attributes=userName");

        Assert.Equal(["schemas", "id", "userName"], user.Select(p => p.Key));
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User", Ent], user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(member, user["id"]!.GetValue<string>());
        Assert.Equal("member@example.com", user["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetUser_ManagerRenamed_ShowsTheNewDisplayNameByIdAndInLists()
    {
        var client = await factory.CreateScimClientAsync();
        var (manager, member) = await client.CreateTeamMemberWithManagerAsync();

        await client.PatchUserOkAsync(manager, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Head of Team"}]}
            """);

        var byId = await client.GetScimAsync($"Users/{member}");
        var byFilter = (await client.GetListAsync("Users?filter=userName%20eq%20%22member@example.com%22")).Resources().Single();
        Assert.Equal(manager, byId[Ent]!["manager"]!["value"]!.GetValue<string>());
        Assert.Equal("Head of Team", byId[Ent]!["manager"]!["displayName"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(byId, byFilter), $"{byId}\n{byFilter}");
    }

    [Fact]
    public async Task GetUser_ManagerDeleted_HasNoManagerAndOnlyTheCoreSchema()
    {
        var client = await factory.CreateScimClientAsync();
        var (manager, member) = await client.CreateTeamMemberWithManagerAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"Users/{manager}")).StatusCode);

        var user = await client.GetScimAsync($"Users/{member}");
        Assert.False(user.ContainsKey(Ent));
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User"], user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("member@example.com", user["emails"]![0]!["value"]!.GetValue<string>());
    }
}
