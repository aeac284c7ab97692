using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Scim.Api.Authentication;
using Scim.Api.Endpoints.Admin;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Authorization;

/// <summary>
/// Answers a key where only the operator may go with 403 naming the operator credential (<see cref="OperatorRequirement"/>);
/// a request refused for a missing scope with 403 and a SCIM error naming the scope, the method and the endpoint (RFC 7644
/// §3.12), or for the operator on a SCIM endpoint saying that SCIM needs an organization's key; an administration request of
/// a key for another organization with 404, exactly as for an organization that does not exist
/// (<see cref="OwnOrganizationRequirement"/>); everything else (401 challenges, success) goes the framework's way.
/// </summary>
public sealed class ApiKeyForbiddenResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler framework = new();

    /// <inheritdoc/>
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var failed = authorizeResult.Forbidden ? authorizeResult.AuthorizationFailure?.FailedRequirements ?? [] : [];
        // First, as it is the same answer whoever asks and for whichever organization: no key may, whatever its scopes.
        if (failed.OfType<OperatorRequirement>().Any())
        {
            return ScimErrorResponse.WriteAsync(context, new ScimError(StatusCodes.Status403Forbidden, null,
                $"{context.Request.Method} {EndpointPath(context)} needs the operator credential (Scim:Admin:OperatorKeys): creating, listing and "
                + "renaming organizations is the operator's. An API key, even with the 'admin' scope, reads its own organization and manages "
                + "its keys, at /admin/organizations/{its id}."));
        }

        // Where several scope requirements fail (the SCIM group's and the endpoint's), the narrowest says what is missing.
        if (failed.OfType<ApiKeyScopeRequirement>().MinBy(r => r.Breadth) is { } missing)
        {
            return ScimErrorResponse.WriteAsync(context, new ScimError(StatusCodes.Status403Forbidden, null,
                context.User.HasClaim(c => c.Type == OperatorAuthenticationHandler.OperatorClaim)
                    ? $"The operator credential is for the administration API (/admin) only; {context.Request.Method} {EndpointPath(context)} "
                        + "needs an API key of the organization, with the 'scim' scope (or 'read' or 'write'): create one with "
                        + "POST /admin/organizations/{id}/keys."
                    : $"This key lacks the '{ApiKeyScopeNames.Format(missing.Named)}' scope needed for {context.Request.Method} {EndpointPath(context)}; "
                        + "the organization's owner can create a key with it."));
        }

        if (failed.OfType<OwnOrganizationRequirement>().Any())
        {
            return ScimErrorResponse.WriteAsync(context,
                AdminRoute.OrganizationNotFound(context.GetRouteValue(AdminPolicies.OrganizationRouteValue)?.ToString() ?? ""));
        }

        return framework.HandleAsync(next, context, policy, authorizeResult);
    }

    // A SCIM endpoint's route (/Users/{id}), not the path as sent: the same sentence for every resource, and nothing of
    // the request echoed back. An administration path as sent (/admin/organizations/3f2c…/keys): the organization is the
    // caller's own or the answer is 404, and a template with a route constraint would say nothing to its reader.
    private static string EndpointPath(HttpContext context) => context.GetEndpoint() switch
    {
        { } endpoint when endpoint.Metadata.GetMetadata<IEndpointGroupNameMetadata>()?.EndpointGroupName == AdminOpenApiDocument.Name =>
            context.Request.Path.ToString(),
        RouteEndpoint { RoutePattern.RawText: { Length: > 0 } pattern } => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern,
        _ => context.Request.Path.ToString(),
    };
}
