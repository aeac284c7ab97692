using System.Security.Claims;
using Scim.Api.Authentication;
using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// The route group of one organization's administration, <c>/admin/organizations/{organizationId}</c>, as it stands
/// until the operator's credential comes: a key with the <c>admin</c> scope, of that organization only (any other
/// organization id is 404, as an organization the key cannot see). Its endpoints are left out of the SCIM OpenAPI
/// document. The endpoints themselves are mapped by the <c>Map…</c> extensions of this folder, whatever the group.
/// </summary>
public static class OrganizationAdminGroup
{
    /// <summary>Maps the group and the organization endpoints in it.</summary>
    public static RouteGroupBuilder MapOrganizationAdmin(this IEndpointRouteBuilder app)
    {
        var organization = app.MapGroup("/admin/organizations/{organizationId:guid}")
            .RequireAuthorization(ApiKeyPolicies.Admin)
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.GetRouteValue("organizationId") is string route
                && context.HttpContext.User.FindFirstValue(ApiKeyAuthenticationHandler.OrganizationClaim) is { } own
                && string.Equals(route, own, StringComparison.OrdinalIgnoreCase)
                    ? await next(context)
                    : ScimResults.Error(ScimError.NotFound($"No organization with the id '{context.HttpContext.GetRouteValue("organizationId")}' is administered by this key.")));
        organization.MapOrganizationErasure();
        organization.MapActivity();
        organization.MapChanges();
        return organization;
    }
}
