using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.Authentication;
using Scim.Api.Authorization;
using Scim.Application.Common;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Security;

/// <summary>
/// The policy an administration endpoint names (<see cref="ApiKeyPolicies.Admin"/>), evaluated as the server would for a
/// request carrying the key: only a key with the <c>admin</c> scope meets it, whatever its other scopes; and what an
/// authenticated request knows of its key.
/// </summary>
public sealed class AdminPolicyTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData(ApiKeyScopes.Admin, true)]
    [InlineData(ApiKeyScopes.Admin | ApiKeyScopes.Read, true)]
    [InlineData(ApiKeyScopes.Scim, false)]
    [InlineData(ApiKeyScopes.Scim | ApiKeyScopes.Read | ApiKeyScopes.Write, false)]
    public async Task AdminPolicy_KeyOfScopes_IsMetOnlyWithTheAdminScope(ApiKeyScopes scopes, bool met)
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, scopes);
        await using var scope = factory.Services.CreateAsyncScope();

        var result = await AuthorizeAsync(scope.ServiceProvider, token, ApiKeyPolicies.Admin);

        Assert.Equal(met, result.Succeeded);
        if (!met)
        {
            var missing = Assert.IsType<ApiKeyScopeRequirement>(Assert.Single(result.Failure!.FailedRequirements));
            Assert.Equal(ApiKeyScopes.Admin, missing.Named);
        }
    }

    [Fact]
    public async Task AdminPolicy_AdminKey_DoesNotMeetTheScimPolicies()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (_, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Admin);
        await using var scope = factory.Services.CreateAsyncScope();

        foreach (var policy in new[] { ApiKeyPolicies.ScimAny, ApiKeyPolicies.ScimRead, ApiKeyPolicies.ScimWrite })
        {
            Assert.False((await AuthorizeAsync(scope.ServiceProvider, token, policy)).Succeeded);
        }
    }

    [Fact]
    public async Task Authenticate_ValidKey_MakesItsIdPrefixAndLabelKnownToTheRequest()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Write);
        await using var scope = factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = $"Bearer {token}";

        var principal = (await context.AuthenticateAsync()).Principal!;

        var key = scope.ServiceProvider.GetRequiredService<AuthenticatedApiKey>();
        Assert.Equal((keyId, token[..12], "test", ApiKeyScopes.Write), (key.Id, key.Prefix, key.Name, key.Scopes));
        Assert.Equal(keyId.ToString(), principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value);
        Assert.Equal(token[..12], principal.FindFirst(ApiKeyAuthenticationHandler.PrefixClaim)?.Value);
        Assert.Equal("test", principal.Identity?.Name);
        Assert.Equal(organizationId.ToString(), principal.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim)?.Value);
    }

    // Authenticates a request carrying the key, then evaluates the policy for it, with the server's own services.
    private static async Task<AuthorizationResult> AuthorizeAsync(IServiceProvider services, string token, string policy)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers.Authorization = $"Bearer {token}";
        var authenticated = await context.AuthenticateAsync();
        Assert.True(authenticated.Succeeded);
        return await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(authenticated.Principal!, policy);
    }
}
