using System.Net;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Security;

/// <summary>
/// What each scope allows on every SCIM endpoint and method: <c>scim</c> everything, <c>read</c> the reads,
/// <c>write</c> the writes and discovery, <c>admin</c> nothing of SCIM, and several scopes what each allows. A refusal
/// is 403 with a SCIM error naming the missing scope, and changes nothing.
/// </summary>
public sealed class ScopeTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string SearchBody = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"id pr"}""";

    // What each request answers a key with these scopes: scim, read, write, admin, "read write". {user} and {group} are
    // an existing user and group of the key's organization.
    private static readonly (string Method, string Path, string? Body, int[] Statuses)[] Table =
    [
        ("GET", "Users", null, [200, 200, 403, 403, 200]),
        ("POST", "Users", """{"userName":"new@example.com"}""", [201, 403, 201, 403, 201]),
        ("POST", "Users/.search", SearchBody, [200, 200, 403, 403, 200]),
        ("GET", "Users/.search", null, [405, 405, 405, 403, 405]),
        ("GET", "Users/{user}", null, [200, 200, 403, 403, 200]),
        ("PUT", "Users/{user}", """{"userName":"replaced@example.com"}""", [200, 403, 200, 403, 200]),
        ("PATCH", "Users/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""", [200, 403, 200, 403, 200]),
        ("DELETE", "Users/{user}", null, [204, 403, 204, 403, 204]),
        ("GET", "Groups", null, [200, 200, 403, 403, 200]),
        ("POST", "Groups", """{"displayName":"New"}""", [201, 403, 201, 403, 201]),
        ("POST", "Groups/.search", SearchBody, [200, 200, 403, 403, 200]),
        ("GET", "Groups/{group}", null, [200, 200, 403, 403, 200]),
        ("PUT", "Groups/{group}", """{"displayName":"Replaced"}""", [200, 403, 200, 403, 200]),
        ("PATCH", "Groups/{group}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Renamed"}]}""", [204, 403, 204, 403, 204]),
        ("DELETE", "Groups/{group}", null, [204, 403, 204, 403, 204]),
        ("GET", "", null, [200, 200, 403, 403, 200]),
        ("POST", ".search", SearchBody, [200, 200, 403, 403, 200]),
        ("POST", "Bulk", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"bulk@example.com"}}]}""", [200, 403, 200, 403, 200]),
        ("GET", "Me", null, [501, 501, 501, 403, 501]),
        ("GET", "ServiceProviderConfig", null, [200, 200, 200, 403, 200]),
        ("GET", "ResourceTypes", null, [200, 200, 200, 403, 200]),
        ("GET", "ResourceTypes/User", null, [200, 200, 200, 403, 200]),
        ("GET", "Schemas", null, [200, 200, 200, 403, 200]),
        ("GET", "Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null, [200, 200, 200, 403, 200]),
    ];

    private static readonly string[] ScopeColumns = ["scim", "read", "write", "admin", "read write"];

    public static TheoryData<string, string, string, int> Requests()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var (method, path, _, statuses) in Table)
        {
            for (var column = 0; column < ScopeColumns.Length; column++)
            {
                data.Add(ScopeColumns[column], method, path, statuses[column]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_WithKeyOfScopes_AnswersWhatTheScopesAllow(string scopes, string method, string path, int expected)
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopeNames.Parse(scopes.Split(' '), "scopes").Value);
        var body = Table.Single(r => r.Method == method && r.Path == path).Body;
        var uri = path;
        if (path.Contains('{', StringComparison.Ordinal))
        {
            // The resource the request names, created with a key that may.
            var owner = factory.CreateClientWithToken((await factory.CreateApiKeyAsync(organizationId)).Token);
            uri = path.StartsWith("Users", StringComparison.Ordinal)
                ? path.Replace("{user}", await owner.CreateUserAsync("""{"userName":"existing@example.com"}"""), StringComparison.Ordinal)
                : path.Replace("{group}", await owner.CreateGroupAsync("""{"displayName":"Existing"}"""), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), uri) { Content = body is null ? null : ScimHttp.Json(body) };

        var response = await factory.CreateClientWithToken(token).SendAsync(request);

        if (expected == 403)
        {
            var error = await response.AssertScimErrorAsync(HttpStatusCode.Forbidden);
            Assert.Matches("^This key lacks the '(read|write)' scope needed for [A-Z]+ /", error["detail"]!.GetValue<string>());
        }
        else
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(expected == (int)response.StatusCode, $"Expected {expected} but got {(int)response.StatusCode}: {text}");
        }
    }

    [Theory]
    [InlineData(ApiKeyScopes.Write, "GET", "Users", "This key lacks the 'read' scope needed for GET /Users; the organization's owner can create a key with it.")]
    [InlineData(ApiKeyScopes.Write, "GET", "Users/2819c223-7f76-453a-919d-413861904646", "This key lacks the 'read' scope needed for GET /Users/{id}; the organization's owner can create a key with it.")]
    [InlineData(ApiKeyScopes.Read, "DELETE", "Groups/2819c223-7f76-453a-919d-413861904646", "This key lacks the 'write' scope needed for DELETE /Groups/{id}; the organization's owner can create a key with it.")]
    [InlineData(ApiKeyScopes.Read, "POST", "Bulk", "This key lacks the 'write' scope needed for POST /Bulk; the organization's owner can create a key with it.")]
    [InlineData(ApiKeyScopes.Admin, "GET", "Schemas", "This key lacks the 'read' scope needed for GET /Schemas; the organization's owner can create a key with it.")]
    [InlineData(ApiKeyScopes.Admin, "GET", "", "This key lacks the 'read' scope needed for GET /; the organization's owner can create a key with it.")]
    public async Task Request_OutsideTheKeysScopes_Is403NamingTheMissingScopeAndTheEndpoint(ApiKeyScopes scopes, string method, string path, string detail)
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, scopes);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await factory.CreateClientWithToken(token).SendAsync(request);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.Forbidden);
        Assert.Equal(detail, error["detail"]!.GetValue<string>());
        Assert.Null(error["scimType"]);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task Request_OutsideTheKeysScopes_BelowAPathBase_NamesTheEndpointWithIt()
    {
        await using var scoped = new ScimApiFactory { PathBase = "/scim/v2" };
        var (_, token) = await scoped.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Read);

        var response = await scoped.CreateClientWithToken(token).PostJsonAsync("Groups", """{"displayName":"Refused"}""");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.Forbidden);
        Assert.Equal("This key lacks the 'write' scope needed for POST /scim/v2/Groups; the organization's owner can create a key with it.",
            error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Write_WithReadOnlyKey_ChangesNothing()
    {
        var (organizationId, scimToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var owner = factory.CreateClientWithToken(scimToken);
        var user = await owner.CreateUserAsync("""{"userName":"kept@example.com","active":true}""");
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Read);
        var reader = factory.CreateClientWithToken(token);

        await (await reader.PostJsonAsync("Users", """{"userName":"refused@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Forbidden);
        await (await reader.PatchJsonAsync($"Users/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}"""))
            .AssertScimErrorAsync(HttpStatusCode.Forbidden);
        await (await reader.DeleteAsync($"Users/{user}")).AssertScimErrorAsync(HttpStatusCode.Forbidden);

        var users = await reader.GetListAsync("Users");
        var kept = Assert.Single(users.Resources());
        Assert.Equal("kept@example.com", kept["userName"]!.GetValue<string>());
        Assert.True(kept["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Write_WithWriteOnlyKey_AnswersTheWrittenResourceButCannotReadItBack()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Write);
        var writer = factory.CreateClientWithToken(token);

        var created = await (await writer.PostJsonAsync("Users", """{"userName":"pushed@example.com"}""")).ReadScimAsync(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var patched = await writer.PatchUserOkAsync(id, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Pushed"}]}""");

        Assert.Equal("pushed@example.com", patched["userName"]!.GetValue<string>());
        await (await writer.GetAsync($"Users/{id}")).AssertScimErrorAsync(HttpStatusCode.Forbidden);
        await (await writer.GetAsync("ServiceProviderConfig")).ReadScimAsync(HttpStatusCode.OK);
    }
}
