using System.Net;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// PUT /Users/{id} (RFC 7644 §3.5.1) replaces the whole resource and answers 200 with it: attributes left out are
/// cleared; a userName taken by another user is 409 and changes nothing.
/// </summary>
public sealed class ReplaceUserTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task ReplaceUser_SameRepresentation_KeepsVersionAndLastModified_AChangeMovesThem()
    {
        var f = await FixtureF.CreateAsync(factory);
        const string Body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user1@example.com",
             "name":{"givenName":"Alex","familyName":"One"},"active":true,
             "emails":[{"value":"user1@example.com","type":"work","primary":true}]}
            """;

        var first = await (await f.Client.PutJsonAsync($"Users/{f.U1}", Body)).ReadScimAsync(HttpStatusCode.OK);
        var again = await (await f.Client.PutJsonAsync($"Users/{f.U1}", Body)).ReadScimAsync(HttpStatusCode.OK);
        var changed = await (await f.Client.PutJsonAsync($"Users/{f.U1}", Body.Replace("\"One\"", "\"Two\"", StringComparison.Ordinal))).ReadScimAsync(HttpStatusCode.OK);

        Assert.Equal(first["meta"]!["version"]!.GetValue<string>(), again["meta"]!["version"]!.GetValue<string>());
        Assert.Equal(first["meta"]!["lastModified"]!.GetValue<string>(), again["meta"]!["lastModified"]!.GetValue<string>());
        Assert.NotEqual(first["meta"]!["version"]!.GetValue<string>(), changed["meta"]!["version"]!.GetValue<string>());
        Assert.Equal("Two", changed["name"]!["familyName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceUser_OmittedAttributes_AreCleared()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PutJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
             "userName":"user1@example.com","displayName":"Alex One","active":true}
            """);

        var body = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(f.U1, body["id"]!.GetValue<string>());
        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("Alex One", user["displayName"]!.GetValue<string>());
        Assert.False(user.ContainsKey("nickName"));
        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey("emails"));
    }

    [Fact]
    public async Task ReplaceUser_NewUserName_IsStored()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PutJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alex.renamed@example.com"}
            """);

        await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("alex.renamed@example.com", (await f.GetUserAsync(f.U1))["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceUser_TakenUserName_Is409AndChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PutJsonAsync($"Users/{f.U1}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user2@example.com"}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("user1@example.com", user["userName"]!.GetValue<string>());
        Assert.Equal("Al", user["nickName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReplaceUser_UnknownId_Is404()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PutJsonAsync($"Users/{Guid.NewGuid()}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ghost@example.com"}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(ContentTypes.All), MemberType = typeof(ContentTypes))]
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

    [Fact]
    public async Task ReplaceUser_AnswersWithWhatTheNextGetReturns()
    {
        var client = await factory.CreateScimClientAsync();
        var (manager, id) = await client.CreateTeamMemberWithManagerAsync();

        var replaced = await (await client.PutJsonAsync($"Users/{id}", $$"""
            {"userName":"member@example.com","title":"Staff Engineer",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"{{manager}}"} } }
            """)).ReadScimAsync(HttpStatusCode.OK);

        await client.AssertReadsBackAsync($"Users/{id}", replaced);
    }
}
