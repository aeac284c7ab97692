using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// POST /Users (RFC 7644 §3.3) answers 201 with the user as stored: booleans sent as strings are stored as booleans,
/// any SCIM or JSON content type is parsed, unknown attributes are ignored, missing schemas are filled in and the manager
/// may be a bare id; a taken userName, in any case and even from two parallel requests, is 409 uniqueness.
/// </summary>
public sealed class CreateUserTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task CreateUser_ActiveAsString_StoresBoolean_BC04()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"user9@example.com","active":"True"}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(body["id"]!.GetValue<string>()));
        Assert.Equal("user9@example.com", body["userName"]!.GetValue<string>());
        Assert.True(body["active"]!.GetValue<bool>());
        Assert.Equal("User", body["meta"]!["resourceType"]!.GetValue<string>());
        Assert.Equal(body["meta"]!["location"]!.GetValue<string>(), response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("\"False\"", false)]
    [InlineData("\"false\"", false)]
    [InlineData("\"TRUE\"", true)]
    public async Task CreateUser_ActiveAsStringInAnyCase_StoresBoolean_BC04(string active, bool expected)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user9@example.com","active":{{active}}}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(expected, body["active"]!.GetValue<bool>());
        Assert.Equal(expected, (await client.GetScimAsync($"Users/{body["id"]}"))["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateUser_RolesWithPrimaryAsString_StoresBoolean_BC04()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user9@example.com",
             "roles":[{"primary":"True","type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]}
            """);

        var role = Assert.Single((await response.ReadScimAsync(HttpStatusCode.Created))["roles"]!.AsArray())!;
        Assert.True(role["primary"]!.GetValue<bool>());
        Assert.Equal("Admin", role["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateUser_DuplicateUserName_Is409Uniqueness_BC31()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user1@example.com"}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        var list = await f.Client.GetListAsync("Users?filter=userName%20eq%20%22user1%40example.com%22");
        Assert.Equal(1, list.TotalResults());
    }

    [Fact]
    public async Task CreateUser_DuplicateUserNameInOtherCase_Is409Uniqueness_BC31()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"USER1@Example.COM"}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task CreateUser_TwoIdenticalPostsInParallel_OneCreatedOneConflict_BC31()
    {
        var client = await factory.CreateScimClientAsync();
        const string body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"race@example.com"}
            """;

        var responses = await Task.WhenAll(client.PostJsonAsync("Users", body), client.PostJsonAsync("Users", body));

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Conflict],
            responses.Select(r => r.StatusCode).Order().ToArray());
        var id = (await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        Assert.Contains(id, conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var list = await client.GetListAsync("Users?filter=userName%20eq%20%22race%40example.com%22");
        Assert.Equal(1, list.TotalResults());
    }

    [Fact]
    public async Task CreateUser_SentAgainAfterATimeout_Is409NamingTheUserTheFirstCreated()
    {
        var client = await factory.CreateScimClientAsync();
        const string body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Retry@Example.com","externalId":"e-1"}
            """;
        var first = (await (await client.PostJsonAsync("Users", body)).ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        var again = await client.PostJsonAsync("Users", body);

        var error = await again.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        Assert.Contains($"User {first}", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var found = await client.GetListAsync("Users?filter=userName%20eq%20%22retry%40example.com%22");
        Assert.Equal(first, Assert.Single(found.Resources())["id"]!.GetValue<string>());
        Assert.Equal(1, (await client.GetListAsync("Users?filter=externalId%20eq%20%22e-1%22")).TotalResults());
    }

    [Theory]
    [MemberData(nameof(ContentTypes.All), MemberType = typeof(ContentTypes))]
    public async Task CreateUser_AnyScimOrJsonContentType_IsParsed_BC35(string contentType)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostAsync("Users", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user8@example.com",
             "name":{"givenName":"Dana","familyName":"Eight"}}
            """, contentType));

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal("user8@example.com", body["userName"]!.GetValue<string>());
        Assert.Equal("Dana", body["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Eight", body["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateUser_AddressWithPrimary_StoresAndReturnsIt_BC37()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user6@example.com",
             "addresses":[{"type":"work","streetAddress":"1 Test Way","locality":"Springfield",
                           "postalCode":"00000","country":"US","formatted":"1 Test Way, Springfield","primary":true}]}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.True(body["addresses"]![0]!["primary"]!.GetValue<bool>());
        var stored = await client.GetScimAsync($"Users/{body["id"]}");
        var address = Assert.Single(stored["addresses"]!.AsArray())!;
        Assert.True(address["primary"]!.GetValue<bool>());
        Assert.Equal("1 Test Way", address["streetAddress"]!.GetValue<string>());
        Assert.Equal("Springfield", address["locality"]!.GetValue<string>());
        Assert.Equal("00000", address["postalCode"]!.GetValue<string>());
        Assert.Equal("US", address["country"]!.GetValue<string>());
        Assert.Equal("1 Test Way, Springfield", address["formatted"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateUser_UnknownAttributes_AreIgnoredWith201_BC38()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user4@example.com",
             "favouriteColour":"green",
             "urn:ietf:params:scim:schemas:extension:acme:2.0:User":{"costCenter":"CC-1"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance"}}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.False(body.ContainsKey("favouriteColour"));
        Assert.Equal("Finance", body["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["department"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateUser_WithoutSchemas_FillsThemIn_BC39()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """
            {"userName":"user5@example.com","name":{"givenName":"Sam","familyName":"Five"},
             "emails":[{"value":"user5@example.com","type":"work","primary":true}],"active":true}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User"], body["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("Sam", body["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("user5@example.com", body["emails"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateUser_WithoutSchemasButWithEnterpriseData_ListsEnterpriseUrn_BC39()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """
            {"userName":"user5@example.com",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-5"}}
            """);

        var schemas = (await response.ReadScimAsync(HttpStatusCode.Created))["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Contains("urn:ietf:params:scim:schemas:core:2.0:User", schemas);
        Assert.Contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", schemas);
    }

    [Fact]
    public async Task CreateUser_EntraFullBodyWithNullsAndClientMeta_IsAccepted()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"alice","userName":"alice@contoso.example","active":true,"displayName":"Alice Example",
             "title":null,"addresses":null,"phoneNumbers":null,
             "emails":[{"primary":true,"type":"work","value":"alice@contoso.example"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"Alice Example","familyName":"Example","givenName":"Alice"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-1001","department":"Research"},
             "roles":[]}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal("alice", body["externalId"]!.GetValue<string>());
        Assert.NotNull(body["meta"]!["created"]);
        Assert.False(body.ContainsKey("title"));
        Assert.IsType<JsonObject>(body["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]);
    }

    [Fact]
    public async Task CreateUser_ManagerAsBareString_IsReadBackAsComplexValue()
    {
        var client = await factory.CreateScimClientAsync();
        var boss = await client.CreateUserAsync("""{"userName":"boss@example.com"}""");

        var response = await client.PostJsonAsync("Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"report@example.com",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":"{{boss}}"}
             }
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(boss, body[Ent]!["manager"]!["value"]!.GetValue<string>());
        Assert.Equal(boss, (await client.GetScimAsync($"Users/{body["id"]}"))[Ent]!["manager"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"userName":"a@example.com","userName":"b@example.com"}""")]
    [InlineData("""{"userName":"a@example.com","UserName":"b@example.com"}""")]
    [InlineData("""{"userName":"a@example.com","name":{"givenName":"A","GivenName":"B"}}""")]
    public async Task CreateUser_SameAttributeTwice_Returns400InvalidSyntax(string body)
    {
        var client = await factory.CreateScimClientAsync();

        var error = await (await client.PostJsonAsync("Users", body)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");

        Assert.Contains("name", error["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await client.GetListAsync("Users")).TotalResults());
    }

    [Fact]
    public async Task CreateUser_AnswersWithWhatTheNextGetReturns()
    {
        var client = await factory.CreateScimClientAsync();
        var manager = await client.CreateUserAsync("""{"userName":"lead@example.com","displayName":"Team Lead"}""");

        var created = await (await client.PostJsonAsync("Users", $$"""
            {"userName":"member@example.com","emails":[{"value":"member@example.com","type":"work"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"{{manager}}"} } }
            """)).ReadScimAsync(HttpStatusCode.Created);

        await client.AssertReadsBackAsync($"Users/{created["id"]}", created);
    }
}
