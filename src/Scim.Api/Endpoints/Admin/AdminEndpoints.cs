using Scim.Api.Authorization;
using Scim.Api.OpenApi;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// The administration API under <c>/admin</c>, outside the SCIM path base: JSON bodies, SCIM error bodies, its own
/// OpenAPI document (<see cref="AdminOpenApiDocument"/>). The organizations themselves are the operator's
/// (<see cref="AdminPolicies.Operator"/>); everything below <c>/admin/organizations/{organizationId}</c> is one route
/// group whose policy (<see cref="AdminPolicies.Organization"/>) admits the operator and a key with the <c>admin</c>
/// scope of that organization only.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>
    /// Maps the administration API; returns the group of one organization (<c>/admin/organizations/{organizationId}</c>),
    /// to which each resource of an organization adds its endpoints with a <c>MapXxx()</c> call.
    /// </summary>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/admin/organizations").WithGroupName(AdminOpenApiDocument.Name);
        organizations.MapOrganizations();

        var organization = organizations.MapGroup($"/{{{AdminPolicies.OrganizationRouteValue}}}")
            .RequireAuthorization(AdminPolicies.Organization).AddEndpointFilter(AdminRoute.Filter);
        organization.MapOrganization();
        organization.MapApiKeys();
        organization.MapOrganizationErasure();
        organization.MapActivity();
        organization.MapChanges();
        return organization;
    }
}
