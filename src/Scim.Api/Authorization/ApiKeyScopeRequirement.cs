using System.Numerics;
using Microsoft.AspNetCore.Authorization;
using Scim.Api.Authentication;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Authorization;

/// <summary>
/// Met by an API key with any of <see cref="AnyOf"/>, read from the key's scope claims (no database access). Its own
/// handler, so a policy needs nothing registered beside it.
/// </summary>
public sealed class ApiKeyScopeRequirement : AuthorizationHandler<ApiKeyScopeRequirement>, IAuthorizationRequirement
{
    private readonly string[] words;

    /// <param name="anyOf">The scopes any one of which meets the requirement.</param>
    /// <param name="named">The scope a refusal names: the narrowest of <paramref name="anyOf"/> that would do.</param>
    public ApiKeyScopeRequirement(ApiKeyScopes anyOf, ApiKeyScopes named)
    {
        if (anyOf == ApiKeyScopes.None || !anyOf.HasFlag(named) || BitOperations.PopCount((uint)named) != 1)
        {
            throw new ArgumentException($"'{named}' must be one of the scopes '{anyOf}'.", nameof(named));
        }

        AnyOf = anyOf;
        Named = named;
        words = [.. ApiKeyScopeNames.Format(anyOf).Split(' ')];
    }

    /// <summary>The scopes any one of which meets the requirement.</summary>
    public ApiKeyScopes AnyOf { get; }

    /// <summary>The scope a refusal names, e.g. <c>read</c> for a GET that <c>scim</c> would also allow.</summary>
    public ApiKeyScopes Named { get; }

    /// <summary>How many scopes meet it: where several requirements fail, the narrowest is the one to name.</summary>
    public int Breadth => BitOperations.PopCount((uint)AnyOf);

    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var claim in context.User.FindAll(ApiKeyAuthenticationHandler.ScopeClaim))
        {
            if (Array.IndexOf(requirement.words, claim.Value) >= 0)
            {
                context.Succeed(requirement);
                break;
            }
        }

        return Task.CompletedTask;
    }
}
