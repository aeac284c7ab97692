using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scim.Api.Http;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Api.Authentication;

/// <summary>
/// Authenticates the operator of the deployment (the SaaS's back office): <c>Authorization: Bearer scimop_…</c> whose
/// SHA-256 is one of <see cref="AdminOptions.OperatorKeys"/> (<see cref="OperatorKeys"/>), with no database access. An
/// unknown operator token gets 401 with <c>WWW-Authenticate: Bearer</c> and a SCIM error body, as an unknown API key
/// does. The operator holds the <c>admin</c> scope of every organization, and no SCIM scope.
/// </summary>
public sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OperatorKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Operator";

    /// <summary>The claim naming which configured entry admitted the operator (<c>sha256:1a2b3c4d</c>).</summary>
    public const string OperatorClaim = "operator";

    /// <summary>The operator's name as the journal records it (its <c>KeyLabel</c>).</summary>
    public const string ActorName = "operator";

    /// <summary>Success for a configured operator secret; NoResult without a bearer token; Fail for any other token.</summary>
    /// <returns>The result, with a principal of the <see cref="SchemeName"/> scheme on success.</returns>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Of(Request) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Match(token) is not { } entry)
        {
            return Task.FromResult(AuthenticateResult.Fail(
                "The operator token is unknown: no hash in Scim:Admin:OperatorKeys matches it. Check that it was copied whole, and that its "
                + "'sha256:' entry (printed by 'Scim.Api operator secret') is in this deployment's configuration."));
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, ActorName),
            new(OperatorClaim, entry),
            new(ApiKeyAuthenticationHandler.ScopeClaim, ApiKeyScopeNames.Format(ApiKeyScopes.Admin)),
        ];
        return Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
    }

    /// <summary>Writes 401 with <c>WWW-Authenticate: Bearer realm="SCIM"</c> (and <c>error="invalid_token"</c> for a refused token) and a SCIM error body.</summary>
    /// <param name="properties">Unused.</param>
    /// <returns>A task that completes when the response is written.</returns>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure is null
            ? "Bearer realm=\"SCIM\""
            : "Bearer realm=\"SCIM\", error=\"invalid_token\", error_description=\"The operator token is unknown\"";
        await ScimErrorResponse.WriteAsync(Context, new ScimError(StatusCodes.Status401Unauthorized, null,
            result.Failure?.Message ?? "Authentication required: send the operator secret as 'Authorization: Bearer <secret>'."));
    }

    /// <summary>Writes 403 with a SCIM error body: the operator has no SCIM scope.</summary>
    /// <param name="properties">Unused.</param>
    /// <returns>A task that completes when the response is written.</returns>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimErrorResponse.WriteAsync(Context, new ScimError(StatusCodes.Status403Forbidden, null,
            $"The operator credential may not {Request.Method} {Request.Path}: it administers organizations and keys (/admin); SCIM requests take an organization's API key."));
}
