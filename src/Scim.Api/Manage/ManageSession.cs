using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Scim.Api.Authentication;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Manage;

/// <summary>
/// A sign-in to the owner's page: an encrypted, HttpOnly, SameSite=Strict cookie (<see cref="CookieName"/>) that holds
/// who signed in (the key's id and organization, or the operator's entry and the organization it picked), never a secret.
/// Every request checks it again (<see cref="ValidateAsync"/>): a key revoked, expired or stripped of <c>admin</c>, or an
/// operator entry removed from the configuration, ends the sign-in at once.
/// </summary>
internal static class ManageSession
{
    /// <summary>The cookie scheme; never the default, and no SCIM or administration policy accepts it.</summary>
    public const string Scheme = "ManageCookie";

    /// <summary>The policy of every page but sign-in: a valid sign-in of this scheme.</summary>
    public const string Policy = "manage";

    /// <summary>The cookie: <c>__Host-</c> so that it is Secure, host-only and for the whole host.</summary>
    public const string CookieName = "__Host-scim-manage";

    /// <summary>The claim holding the name of the organization the page shows.</summary>
    public const string OrganizationNameClaim = "organization_name";

    /// <summary>A sign-in with <paramref name="key"/>, a key of the <c>admin</c> scope of <paramref name="organization"/>.</summary>
    public static ClaimsPrincipal ForKey(ApiKey key, Organization organization) => new(new ClaimsIdentity(
        [
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(ApiKeyAuthenticationHandler.PrefixClaim, key.Prefix),
            new(ApiKeyAuthenticationHandler.OrganizationClaim, organization.Id.ToString()),
            new(OrganizationNameClaim, organization.Name),
        ],
        Scheme));

    /// <summary>A sign-in of the operator (its configured <paramref name="entry"/>), looking at <paramref name="organization"/> when it picked one.</summary>
    public static ClaimsPrincipal ForOperator(string entry, Organization? organization)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, OperatorAuthenticationHandler.ActorName), new(OperatorAuthenticationHandler.OperatorClaim, entry) };
        if (organization is not null)
        {
            claims.Add(new(ApiKeyAuthenticationHandler.OrganizationClaim, organization.Id.ToString()));
            claims.Add(new(OrganizationNameClaim, organization.Name));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>The operator's configured entry (<c>sha256:1a2b3c4d</c>) when the operator signed in; otherwise null.</summary>
    public static string? OperatorOf(ClaimsPrincipal user) => user.FindFirstValue(OperatorAuthenticationHandler.OperatorClaim);

    /// <summary>The organization the page shows; null for an operator that has not picked one.</summary>
    public static Guid? OrganizationOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.OrganizationClaim), out var id) ? id : null;

    /// <summary>
    /// Checks the sign-in against the key or the configuration as they are now, and gives the request its organization
    /// (every query is scoped by it) and its key (the journal names it); rejects and removes the cookie otherwise.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        var services = context.HttpContext.RequestServices;
        bool valid;
        if (OperatorOf(user) is { } entry)
        {
            valid = services.GetRequiredService<OperatorKeys>().Admits(entry);
        }
        else if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var keyId))
        {
            var key = await services.GetRequiredService<IMediator>().Send(new GetApiKey.Query(keyId), context.HttpContext.RequestAborted);
            var clock = services.GetRequiredService<TimeProvider>();
            valid = key.IsSuccess && key.Value! is { RevokedUtc: null } current && !current.HasExpiredAt(clock.GetUtcNow().UtcDateTime)
                && current.Scopes.HasFlag(ApiKeyScopes.Admin) && current.OrganizationId == OrganizationOf(user);
            if (valid)
            {
                services.GetRequiredService<AuthenticatedApiKey>().Set(key.Value!);
            }
        }
        else
        {
            valid = false;
        }

        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        if (OrganizationOf(user) is { } organization)
        {
            services.GetRequiredService<OrganizationContext>().OrganizationId = organization;
        }
    }
}
