using Microsoft.AspNetCore.Authorization;
using Scim.Domain.Organizations;

namespace Scim.Api.Authorization;

/// <summary>
/// The authorization policies of API key scopes, for endpoint metadata (<c>RequireAuthorization(ApiKeyPolicies.ScimRead)</c>).
/// A policy an endpoint and its groups name must all be met; a refusal is 403 with a SCIM error naming the missing scope
/// (<see cref="ApiKeyForbiddenResultHandler"/>). Each is checked from the key's claims, with no database access.
/// </summary>
public static class ApiKeyPolicies
{
    /// <summary>
    /// Every SCIM endpoint, named on the SCIM group: a key with any SCIM scope, <c>scim</c>, <c>read</c> or <c>write</c>.
    /// Enough on its own for discovery, <c>/Me</c> and refused methods.
    /// </summary>
    public const string ScimAny = "scim.any";

    /// <summary>The SCIM reads (GET of resources and lists, POST <c>/.search</c>): <c>scim</c> or <c>read</c>.</summary>
    public const string ScimRead = "scim.read";

    /// <summary>The SCIM writes (POST, PUT, PATCH, DELETE of resources, POST <c>/Bulk</c>): <c>scim</c> or <c>write</c>.</summary>
    public const string ScimWrite = "scim.write";

    /// <summary>
    /// A key with the <c>admin</c> scope, which no SCIM scope implies. The administration endpoints name
    /// <see cref="AdminPolicies"/> instead, which also admit the operator and hold a key to its own organization.
    /// </summary>
    public const string Admin = "admin";

    /// <summary>Adds the policies above.</summary>
    public static AuthorizationBuilder AddApiKeyPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(ScimAny, Require(ApiKeyScopes.Scim | ApiKeyScopes.Read | ApiKeyScopes.Write, ApiKeyScopes.Read))
            .AddPolicy(ScimRead, Require(ApiKeyScopes.Scim | ApiKeyScopes.Read, ApiKeyScopes.Read))
            .AddPolicy(ScimWrite, Require(ApiKeyScopes.Scim | ApiKeyScopes.Write, ApiKeyScopes.Write))
            .AddPolicy(Admin, Require(ApiKeyScopes.Admin, ApiKeyScopes.Admin));
    }

    private static AuthorizationPolicy Require(ApiKeyScopes anyOf, ApiKeyScopes named) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ApiKeyScopeRequirement(anyOf, named)).Build();
}
