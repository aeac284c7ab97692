using Microsoft.AspNetCore.Authorization;
using Scim.Api.Authentication;
using Scim.Domain.Organizations;

namespace Scim.Api.Authorization;

/// <summary>
/// The policies of the administration API (<c>/admin</c>), checked from the request's claims and route (no database
/// access). A refusal is answered by <see cref="ApiKeyForbiddenResultHandler"/>: 403 naming the missing scope, 404 for
/// another organization's id (as for one that does not exist), 403 for a key where only the operator may go.
/// </summary>
public static class AdminPolicies
{
    /// <summary>The organizations themselves (create, list): the operator only.</summary>
    public const string Operator = "admin.operator";

    /// <summary>
    /// One organization (<c>/admin/organizations/{organizationId}</c> and below): the operator, or a key with the
    /// <c>admin</c> scope of that organization.
    /// </summary>
    public const string Organization = "admin.organization";

    /// <summary>The route value naming the organization.</summary>
    public const string OrganizationRouteValue = "organizationId";

    /// <summary>Adds the policies above.</summary>
    public static AuthorizationBuilder AddAdminPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Operator, policy => policy.RequireAuthenticatedUser().AddRequirements(new OperatorRequirement()))
            .AddPolicy(Organization, policy => policy.RequireAuthenticatedUser()
                .AddRequirements(new ApiKeyScopeRequirement(ApiKeyScopes.Admin, ApiKeyScopes.Admin), new OwnOrganizationRequirement()));
    }
}

/// <summary>Met by the operator alone (<see cref="OperatorAuthenticationHandler"/>); refused with 403.</summary>
public sealed class OperatorRequirement : AuthorizationHandler<OperatorRequirement>, IAuthorizationRequirement
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.HasClaim(c => c.Type == OperatorAuthenticationHandler.OperatorClaim))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Met by the operator, and by a key whose organization is the one the route names
/// (<see cref="AdminPolicies.OrganizationRouteValue"/>); a key of another organization is answered 404, as for an
/// organization that does not exist, so a key never learns which other organizations exist.
/// </summary>
public sealed class OwnOrganizationRequirement : AuthorizationHandler<OwnOrganizationRequirement>, IAuthorizationRequirement
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnOrganizationRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.HasClaim(c => c.Type == OperatorAuthenticationHandler.OperatorClaim)
            || (context.Resource is HttpContext http
                && http.GetRouteValue(AdminPolicies.OrganizationRouteValue) is string named
                && context.User.FindFirst(ApiKeyAuthenticationHandler.OrganizationClaim)?.Value is { } own
                && Guid.TryParse(named, out var id) && Guid.TryParse(own, out var ownId) && id == ownId))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
