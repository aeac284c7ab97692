using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>POST /Users in the shapes that broke other SCIM servers (BC04, BC31, BC35, BC37, BC39).</summary>
public sealed class CreateUserFieldReportTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
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
        await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        var list = await client.GetListAsync("Users?filter=userName%20eq%20%22race%40example.com%22");
        Assert.Equal(1, list.TotalResults());
    }

    public static TheoryData<string> ContentTypes => new()
    {
        "application/scim+json; charset=utf-8",
        "application/json",
        "application/scim+json",
        "application/json; charset=utf-8",
    };

    [Theory]
    [MemberData(nameof(ContentTypes))]
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

    [Theory]
    [MemberData(nameof(ContentTypes))]
    public async Task ReplaceUser_AnyScimOrJsonContentType_IsParsed_BC35(string contentType)
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"user8@example.com"}""");

        var response = await client.PutAsync($"Users/{id}", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user8@example.com",
             "name":{"givenName":"Dana","familyName":"Eight"}}
            """, contentType));

        var body = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("Dana", body["name"]!["givenName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ContentTypes))]
    public async Task PatchUser_AnyScimOrJsonContentType_IsParsed_BC35(string contentType)
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"user8@example.com"}""");

        var response = await client.PatchAsync($"Users/{id}", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"name.givenName","value":"Dana"}]}
            """, contentType));

        var body = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("Dana", body["name"]!["givenName"]!.GetValue<string>());
        Assert.Equal("Dana", (await client.GetScimAsync($"Users/{id}"))["name"]!["givenName"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ContentTypes))]
    public async Task PatchGroup_AnyScimOrJsonContentType_IsParsed_BC35(string contentType)
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        var response = await f.Client.PatchAsync($"Groups/{g1}", ScimHttp.Json($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"{{f.U1}}"}]}]}
            """, contentType));

        await response.AssertNoContentAsync();
        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
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
    public async Task CreateGroup_WithoutSchemas_FillsThemIn_BC39()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Groups", """{"displayName":"No Schemas"}""");

        var body = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:Group"], body["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
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
}
