using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Scim.Api.Http;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Authorization;

/// <summary>
/// Answers a request refused for a missing scope with 403 and a SCIM error naming the scope, the method and the endpoint
/// (RFC 7644 §3.12); an administration request of a key for another organization with 404, exactly as for an organization
/// that does not exist (<see cref="OwnOrganizationRequirement"/>); a key where only the operator may go with 403
/// (<see cref="OperatorRequirement"/>); everything else (401 challenges, success) goes the framework's way.
/// </summary>
public sealed class ApiKeyForbiddenResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler framework = new();

    /// <inheritdoc/>
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        // Where several scope requirements fail (the SCIM group's and the endpoint's), the narrowest says what is missing.
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ApiKeyScopeRequirement>().MinBy(r => r.Breadth) is { } missing)
        {
            return ScimErrorResponse.WriteAsync(context, new ScimError(StatusCodes.Status403Forbidden, null,
                $"This key lacks the '{ApiKeyScopeNames.Format(missing.Named)}' scope needed for {context.Request.Method} {EndpointPath(context)}; "
                + "the organization's owner can create a key with it."));
        }

        var failed = authorizeResult.Forbidden ? authorizeResult.AuthorizationFailure?.FailedRequirements ?? [] : [];
        if (failed.OfType<OwnOrganizationRequirement>().Any())
        {
            return ScimErrorResponse.WriteAsync(context,
                OrganizationQueries.NotFound(context.GetRouteValue(AdminPolicies.OrganizationRouteValue)?.ToString() ?? ""));
        }

        if (failed.OfType<OperatorRequirement>().Any())
        {
            return ScimErrorResponse.WriteAsync(context, new ScimError(StatusCodes.Status403Forbidden, null,
                $"{context.Request.Method} {EndpointPath(context)} needs the operator credential (Scim:Admin:OperatorKeys); an API key, "
                + "even with the 'admin' scope, administers only its own organization, at /admin/organizations/{its id}."));
        }

        return framework.HandleAsync(next, context, policy, authorizeResult);
    }

    // The endpoint's route (/Users/{id}), not the path as sent: the same sentence for every resource, and nothing of the
    // request echoed back.
    private static string EndpointPath(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { Length: > 0 } pattern }
            ? (pattern.Length > 1 ? pattern.TrimEnd('/') : pattern)
            : context.Request.Path.ToString();
}
