using System.Net;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Security;

/// <summary>
/// Expired and revoked keys get 401 with a SCIM error saying which and when, and <c>WWW-Authenticate: Bearer</c> with
/// <c>error="invalid_token"</c> (RFC 6750 §3, RFC 7644 §3.12); a key stops at its expiry even while the server remembers it.
/// </summary>
public sealed class KeyExpiryTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Request_WithKeyPastItsExpiry_Is401SayingItExpiredAndWhen()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var expires = factory.Clock.GetUtcNow().AddDays(90);
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Scim, expires);
        var client = factory.CreateClientWithToken(token);
        // The server now remembers the key as valid; its expiry must not wait for that to end.
        await (await client.GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);

        factory.Clock.SetUtcNow(expires);
        var response = await client.GetAsync("Users");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(
            $"This API key ('test', {token[..12]}…) expired at {expires.UtcDateTime:s}Z; the organization's owner can create a new key.",
            error["detail"]!.GetValue<string>());
        Assert.Equal("Bearer realm=\"SCIM\", error=\"invalid_token\", error_description=\"The API key has expired\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Request_WithKeyBeforeItsExpiry_Succeeds()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Scim, factory.Clock.GetUtcNow().AddMinutes(1));

        await (await factory.CreateClientWithToken(token).GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_WithRevokedKey_Is401SayingItWasRevoked()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId);
        await factory.RevokeApiKeyAsync(keyId);

        var response = await factory.CreateClientWithToken(token).GetAsync("Groups");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Matches(@"^This API key \('test', scim_.{7}…\) was revoked at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ; the organization's owner can create a new key\.$",
            error["detail"]!.GetValue<string>());
        Assert.Equal("Bearer realm=\"SCIM\", error=\"invalid_token\", error_description=\"The API key was revoked\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Request_WithUnknownKey_Is401InvalidToken()
    {
        var response = await factory.CreateClientWithToken("scim_0000000000000000000000000000000000000000000").GetAsync("Users");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not an API key", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Bearer realm=\"SCIM\", error=\"invalid_token\", error_description=\"The API key is unknown\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Request_WithoutAuthorization_Is401WithoutAnErrorCode()
    {
        var response = await factory.CreateClientWithToken(null).GetAsync("Users");

        await response.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"SCIM\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task CreateApiKey_ExpiryNotInTheFuture_Is400InvalidValueAndCreatesNoKey(int secondsFromNow)
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        await using var scope = factory.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var created = await mediator.Send(new CreateApiKey.Command(
            organizationId.ToString(), "late", ApiKeyScopes.Scim, factory.Clock.GetUtcNow().AddSeconds(secondsFromNow)));

        Assert.False(created.IsSuccess);
        Assert.Equal(400, created.Error!.Status);
        Assert.Equal("invalidValue", created.Error.ScimType);
        Assert.Contains("must be in the future", created.Error.Detail, StringComparison.Ordinal);
        var keys = await mediator.Send(new ListApiKeys.Query(organizationId.ToString()));
        Assert.DoesNotContain(keys.Value!, k => k.Name == "late");
    }
}
