using System.Net;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Security;

/// <summary>Bearer API keys: missing, unknown, revoked and under-scoped keys (RFC 7644 §2, §3.12); see also <see cref="ScopeTests"/> and <see cref="KeyExpiryTests"/>.</summary>
public sealed class AuthenticationTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    [InlineData("ServiceProviderConfig")]
    public async Task Request_WithoutAuthorization_Is401BearerChallengeWithScimError(string uri)
    {
        var client = factory.CreateClientWithToken(null);

        var response = await client.GetAsync(uri);

        await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Post_WithoutAuthorization_Is401AndCreatesNothing()
    {
        var anonymous = factory.CreateClientWithToken(null);

        var response = await anonymous.PostJsonAsync("Users", """{"userName":"intruder@example.com"}""");

        await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("scim_0000000000000000000000000000000000000000")]
    public async Task Request_WithUnknownToken_Is401(string token)
    {
        var client = factory.CreateClientWithToken(token);

        var response = await client.GetAsync("Users");

        await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Request_WithBasicAuthorization_Is401()
    {
        var client = factory.CreateClientWithToken(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        var response = await client.GetAsync("Users");

        await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_WithRevokedKey_Is401()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId);
        var client = factory.CreateClientWithToken(token);
        await (await client.GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);

        // Revoked through the server's own process: the key it remembers from the request above is forgotten at once.
        await factory.RevokeApiKeyAsync(keyId);

        var response = await client.GetAsync("Users");
        await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Request_WithRevokedKey_OtherKeysOfTheOrganizationStillWork()
    {
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, _) = await factory.CreateApiKeyAsync(organizationId);

        await factory.RevokeApiKeyAsync(keyId);

        await (await factory.CreateClientWithToken(token).GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_WithAdminOnlyKey_Is403ScimError()
    {
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}", ApiKeyScopes.Admin);
        var client = factory.CreateClientWithToken(token);

        await (await client.GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync("Users", """{"userName":"x@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Forbidden);
    }
}
