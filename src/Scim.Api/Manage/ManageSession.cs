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
/// Every request checks it again (<see cref="ValidateAsync"/>): a key revoked, expired or stripped of <c>admin</c>, an
/// operator entry removed from the configuration, or a sign-in older than <see cref="MaxAge"/>, ends it at once.
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

    /// <summary>The claim holding when the sign-in was made (Unix seconds), for <see cref="MaxAge"/>.</summary>
    public const string IssuedClaim = "issued";

    /// <summary>How long a sign-in lasts at most, however often it is used: then the key is asked for again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    /// <summary>A sign-in made at <paramref name="issued"/> with <paramref name="key"/>, a key of the <c>admin</c> scope of <paramref name="organization"/>.</summary>
    public static ClaimsPrincipal ForKey(ApiKey key, Organization organization, DateTimeOffset issued) => new(new ClaimsIdentity(
        [
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(ApiKeyAuthenticationHandler.PrefixClaim, key.Prefix),
            new(ApiKeyAuthenticationHandler.OrganizationClaim, organization.Id.ToString()),
            new(OrganizationNameClaim, organization.Name),
            Issued(issued),
        ],
        Scheme));

    /// <summary>
    /// A sign-in of the operator (its configured <paramref name="entry"/>) made at <paramref name="issued"/>, looking at
    /// <paramref name="organization"/> when it picked one.
    /// </summary>
    public static ClaimsPrincipal ForOperator(string entry, Organization? organization, DateTimeOffset issued)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, OperatorAuthenticationHandler.ActorName), new(OperatorAuthenticationHandler.OperatorClaim, entry), Issued(issued),
        };
        if (organization is not null)
        {
            claims.Add(new(ApiKeyAuthenticationHandler.OrganizationClaim, organization.Id.ToString()));
            claims.Add(new(OrganizationNameClaim, organization.Name));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>The operator's configured entry (<c>sha256:1a2b3c4d</c>) when the operator signed in; otherwise null.</summary>
    public static string? OperatorOf(ClaimsPrincipal user) => user.FindFirstValue(OperatorAuthenticationHandler.OperatorClaim);

    /// <summary>When the sign-in was made; the Unix epoch when the claim is missing (as old as can be).</summary>
    public static DateTimeOffset IssuedOf(ClaimsPrincipal user) =>
        DateTimeOffset.FromUnixTimeSeconds(long.TryParse(user.FindFirstValue(IssuedClaim), out var seconds) ? seconds : 0);

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
        var clock = services.GetRequiredService<TimeProvider>();
        bool valid;
        if (clock.GetUtcNow() - IssuedOf(user) > MaxAge)
        {
            valid = false;
        }
        else if (OperatorOf(user) is { } entry)
        {
            valid = services.GetRequiredService<OperatorKeys>().Admits(entry);
        }
        else if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var keyId))
        {
            var key = await services.GetRequiredService<IMediator>().Send(new GetApiKey.Query(keyId), context.HttpContext.RequestAborted);
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

    private static Claim Issued(DateTimeOffset issued) =>
        new(IssuedClaim, issued.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
}
