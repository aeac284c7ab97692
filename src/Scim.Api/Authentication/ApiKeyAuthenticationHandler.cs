using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scim.Api.Http;
using Scim.Application.Common.Persistence;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Api.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;API key&gt;</c> against the stored key hashes. Missing, unknown or
/// revoked keys get 401 with <c>WWW-Authenticate: Bearer</c> and a SCIM error body; keys without the required
/// scope get 403 (RFC 7644 §2, §3.12).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim holding each scope of the key (<c>scim</c>, <c>read</c>, <c>write</c>).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The claim holding the key's organization id.</summary>
    public const string OrganizationClaim = "organization";

    /// <summary>
    /// Reads the bearer API key: no <c>Bearer</c> header gives no result (then a 401 challenge); an unknown or revoked key fails;
    /// a valid key sets the request's organization and yields its id, name, organization and scope claims.
    /// </summary>
    /// <returns>NoResult, Fail or Success with a principal of the <see cref="SchemeName"/> scheme.</returns>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await mediator.Send(new AuthenticateApiKey.Query(header["Bearer ".Length..].Trim()), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        // Every organization-owned query is filtered by this scoped value (see ScimDbContext's query filters).
        Context.RequestServices.GetRequiredService<OrganizationContext>().OrganizationId = key.OrganizationId;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(OrganizationClaim, key.OrganizationId.ToString()),
        };
        claims.AddRange(Enum.GetValues<ApiKeyScopes>()
            .Where(s => s != ApiKeyScopes.None && key.Scopes.HasFlag(s))
            .Select(s => new Claim(ScopeClaim, ApiKeyScopeNames.Format(s))));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>Writes 401 with <c>WWW-Authenticate: Bearer realm="SCIM"</c> and a SCIM error body (RFC 7644 §3.12).</summary>
    /// <param name="properties">Unused.</param>
    /// <returns>A task that completes when the response is written.</returns>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"SCIM\"";
        var detail = Request.Headers.Authorization.Count == 0
            ? "Authentication required: send the organization's API key as 'Authorization: Bearer <key>'."
            : "The bearer token is not a valid API key: it is unknown or was revoked.";
        return ScimErrorResponse.WriteAsync(Context, new ScimError(StatusCodes.Status401Unauthorized, null, detail));
    }

    /// <summary>Writes 403 with a SCIM error body (RFC 7644 §3.12) for a key without the <c>scim</c> scope.</summary>
    /// <param name="properties">Unused.</param>
    /// <returns>A task that completes when the response is written.</returns>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimErrorResponse.WriteAsync(Context, new ScimError(StatusCodes.Status403Forbidden, null,
            "This API key does not have the 'scim' scope; create a key with --scopes scim."));
}
