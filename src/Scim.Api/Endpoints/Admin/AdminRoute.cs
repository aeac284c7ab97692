using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// The ids in administration paths (<c>/admin/organizations/{organizationId}/keys/{keyId}/revoke</c>). They are routed as any
/// segment, not with a <c>guid</c> constraint, so that a path with something else in their place is answered by the
/// administration API (404 naming what is not an id), not by the SCIM catch-all; <see cref="Filter"/> checks them before an
/// endpoint runs, so the endpoints' <see cref="Guid.Parse(string)"/> always succeeds.
/// </summary>
internal static class AdminRoute
{
    /// <summary>The route value of the key's id.</summary>
    public const string KeyRouteValue = "keyId";

    /// <summary>
    /// 404 for an organization id no organization has, word for word the same for one that does not exist and for another
    /// organization's (<see cref="OwnOrganizationRequirement"/>); for what is no id at all, saying what ids look like.
    /// </summary>
    public static ScimError OrganizationNotFound(string value) => Guid.TryParse(value, out var id)
        ? OrganizationQueries.NotFound(id.ToString())
        : ScimError.NotFound($"No organization has the id '{value}': an organization's id is a GUID such as 3f2c5e1a-8b4d-4c6e-9f01-23456789abcd, "
            + "as POST /admin/organizations and GET /admin/organizations answer it.");

    /// <summary>The endpoint filter of the organization group: 404 for an organization or key id that is not a GUID.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetRouteValue(AdminPolicies.OrganizationRouteValue) is string organization && !Guid.TryParse(organization, out _))
        {
            return ScimResults.Error(OrganizationNotFound(organization));
        }

        if (http.GetRouteValue(KeyRouteValue) is string key && !Guid.TryParse(key, out _))
        {
            return ScimResults.Error(ScimError.NotFound(
                $"No API key has the id '{key}': a key's id is a GUID such as 7c0f2a9e-1d3b-4f5a-8c6e-0123456789ab, as GET …/keys lists it."));
        }

        return await next(context);
    }
}
