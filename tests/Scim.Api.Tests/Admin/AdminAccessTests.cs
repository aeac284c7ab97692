using System.Net;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>
/// Who may call which administration endpoint, as a table: the operator everything; a key with the <c>admin</c> scope
/// its own organization's endpoints, and 404 for another organization's, as for one that does not exist; a key without
/// <c>admin</c> 403 naming the scope; the collection of organizations and renaming one the operator only (403 naming the
/// operator credential for any key); expired and revoked keys, an unknown operator secret and no token 401.
/// </summary>
public sealed class AdminAccessTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    public enum Caller { Operator, AdminOwn, AdminOther, Scim, Read, Write, ExpiredAdmin, RevokedAdmin, UnknownOperator, None }

    public enum Endpoint
    {
        CreateOrganization, ListOrganizations, GetOrganization, ReplaceOrganization, PatchOrganization, CreateApiKey, ListApiKeys, RevokeApiKey,
        ListActivity, ListProvisioningRuns, ListChanges, DeleteOrganization,
    }

    // The status each caller gets from the endpoints of one organization (get, rename, keys).
    private static readonly Dictionary<Caller, HttpStatusCode> OrganizationEndpoints = new()
    {
        [Caller.AdminOwn] = HttpStatusCode.OK,
        [Caller.AdminOther] = HttpStatusCode.NotFound,
        [Caller.Scim] = HttpStatusCode.Forbidden,
        [Caller.Read] = HttpStatusCode.Forbidden,
        [Caller.Write] = HttpStatusCode.Forbidden,
        [Caller.ExpiredAdmin] = HttpStatusCode.Unauthorized,
        [Caller.RevokedAdmin] = HttpStatusCode.Unauthorized,
        [Caller.UnknownOperator] = HttpStatusCode.Unauthorized,
        [Caller.None] = HttpStatusCode.Unauthorized,
    };

    public static TheoryData<Caller, Endpoint, HttpStatusCode> Table()
    {
        var table = new TheoryData<Caller, Endpoint, HttpStatusCode>();
        foreach (var endpoint in Enum.GetValues<Endpoint>())
        {
            var created = endpoint switch
            {
                Endpoint.CreateOrganization or Endpoint.CreateApiKey => HttpStatusCode.Created,
                Endpoint.DeleteOrganization => HttpStatusCode.NoContent,
                _ => HttpStatusCode.OK,
            };
            table.Add(Caller.Operator, endpoint, created);
            foreach (var (caller, status) in OrganizationEndpoints)
            {
                var expected = OperatorOnly(endpoint)
                    // The organizations themselves and their names: keys of any scope are refused (403), unauthenticated calls are 401.
                    ? status is HttpStatusCode.Unauthorized ? status : HttpStatusCode.Forbidden
                    : status == HttpStatusCode.OK ? created : status;
                table.Add(caller, endpoint, expected);
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Endpoint_Caller_GetsTheStatusOfTheTable(Caller caller, Endpoint endpoint, HttpStatusCode expected)
    {
        factory.ConfigureOperator();
        var (organizationId, _, _) = await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Scim);
        var (target, _) = await factory.CreateApiKeyAsync(organizationId);
        var token = await TokenOfAsync(caller, organizationId);
        var (method, uri, body) = endpoint switch
        {
            Endpoint.CreateOrganization => (HttpMethod.Post, "/admin/organizations", $$"""{"name":"org-{{Guid.NewGuid():N}}"}"""),
            Endpoint.ListOrganizations => (HttpMethod.Get, "/admin/organizations", null),
            Endpoint.GetOrganization => (HttpMethod.Get, $"/admin/organizations/{organizationId}", null),
            Endpoint.ReplaceOrganization => (HttpMethod.Put, $"/admin/organizations/{organizationId}", $$"""{"name":"renamed-{{Guid.NewGuid():N}}"}"""),
            Endpoint.PatchOrganization => (HttpMethod.Patch, $"/admin/organizations/{organizationId}", $$"""{"name":"renamed-{{Guid.NewGuid():N}}"}"""),
            Endpoint.CreateApiKey => (HttpMethod.Post, $"/admin/organizations/{organizationId}/keys", """{"label":"entra","scopes":["scim"]}"""),
            Endpoint.ListApiKeys => (HttpMethod.Get, $"/admin/organizations/{organizationId}/keys", null),
            Endpoint.ListActivity => (HttpMethod.Get, $"/admin/organizations/{organizationId}/activity", null),
            Endpoint.ListProvisioningRuns => (HttpMethod.Get, $"/admin/organizations/{organizationId}/activity/runs", null),
            Endpoint.ListChanges => (HttpMethod.Get, $"/admin/organizations/{organizationId}/changes", null),
            Endpoint.DeleteOrganization => (HttpMethod.Delete, $"/admin/organizations/{organizationId}", null),
            _ => (HttpMethod.Post, $"/admin/organizations/{organizationId}/keys/{target}/revoke", null),
        };

        var response = await factory.AdminClient(token).SendJsonAsync(method, uri, body);

        if (expected is HttpStatusCode.NoContent)
        {
            Assert.Equal(expected, response.StatusCode);
            return;
        }

        if (expected is HttpStatusCode.OK or HttpStatusCode.Created)
        {
            await response.ReadJsonAsync(expected);
            return;
        }

        var error = await response.AssertScimErrorAsync(expected);
        var detail = error["detail"]!.GetValue<string>();
        switch (expected)
        {
            case HttpStatusCode.NotFound:
                // Word for word what a missing organization gets: the key learns nothing of the other organization.
                Assert.Equal($"No organization has the id or name '{organizationId}'.", detail);
                break;
            case HttpStatusCode.Forbidden when OperatorOnly(endpoint):
                Assert.StartsWith($"{method} {uri} needs the operator credential (Scim:Admin:OperatorKeys)", detail, StringComparison.Ordinal);
                break;
            case HttpStatusCode.Forbidden:
                // The path as sent, never a route template.
                Assert.StartsWith($"This key lacks the 'admin' scope needed for {method} {uri};", detail, StringComparison.Ordinal);
                break;
            default:
                Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
                break;
        }
    }

    private static bool OperatorOnly(Endpoint endpoint) =>
        endpoint is Endpoint.CreateOrganization or Endpoint.ListOrganizations or Endpoint.ReplaceOrganization or Endpoint.PatchOrganization;

    [Theory]
    [InlineData("GET", "")]
    [InlineData("DELETE", "")]
    [InlineData("GET", "/keys")]
    [InlineData("GET", "/activity")]
    [InlineData("GET", "/activity/runs")]
    [InlineData("GET", "/changes")]
    public async Task UnknownOrganization_AsOperator_Gets404_WordForWordAsAnotherOrganizationsKey(string method, string below)
    {
        var secret = factory.ConfigureOperator();
        var missing = Guid.NewGuid();

        var error = await (await factory.AdminClient(secret).SendJsonAsync(new HttpMethod(method), $"/admin/organizations/{missing}{below}"))
            .AssertScimErrorAsync(HttpStatusCode.NotFound);

        Assert.Equal($"No organization has the id or name '{missing}'.", error["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ApiKeyScopes.Admin)]
    [InlineData(ApiKeyScopes.Admin | ApiKeyScopes.Read)]
    public async Task ScimEndpoints_RefuseAnAdminKeyWithoutScimScopes_AndTheOperator(ApiKeyScopes scopes)
    {
        var secret = factory.ConfigureOperator();
        var (_, _, token) = await factory.CreateOrganizationWithKeyAsync(scopes);

        var write = await factory.CreateClientWithToken(token).PostJsonAsync("Users", """{"userName":"a@example.com"}""");
        await write.AssertScimErrorAsync(HttpStatusCode.Forbidden);
        if (!scopes.HasFlag(ApiKeyScopes.Read))
        {
            await (await factory.CreateClientWithToken(token).GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Forbidden);
        }

        var asOperator = await (await factory.CreateClientWithToken(secret).GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Forbidden);
        Assert.Equal(
            "The operator credential is for the administration API (/admin) only; GET /Users needs an API key of the organization, "
            + "with the 'scim' scope (or 'read' or 'write'): create one with POST /admin/organizations/{id}/keys.",
            asOperator["detail"]!.GetValue<string>());
    }

    private async Task<string?> TokenOfAsync(Caller caller, Guid organizationId)
    {
        switch (caller)
        {
            case Caller.Operator:
                return factory.ConfigureOperator();
            case Caller.AdminOther:
                return (await factory.CreateOrganizationWithKeyAsync(ApiKeyScopes.Admin)).Token;
            case Caller.ExpiredAdmin:
                var expiring = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin, factory.Clock.GetUtcNow().AddMinutes(1));
                factory.Clock.Advance(TimeSpan.FromMinutes(2));
                return expiring.Token;
            case Caller.RevokedAdmin:
                var revoked = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin);
                await factory.RevokeApiKeyAsync(revoked.KeyId);
                return revoked.Token;
            case Caller.UnknownOperator:
                return Scim.Api.Authentication.OperatorKeys.CreateSecret();
            case Caller.None:
                return null;
            default:
                var scopes = caller switch { Caller.AdminOwn => ApiKeyScopes.Admin, Caller.Scim => ApiKeyScopes.Scim, Caller.Read => ApiKeyScopes.Read, _ => ApiKeyScopes.Write };
                return (await factory.CreateApiKeyAsync(organizationId, scopes)).Token;
        }
    }
}
