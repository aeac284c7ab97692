using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scim.Api.Authorization;
using Scim.Api.Http;
using Scim.Api.Observability;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Api.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;API key&gt;</c> against the stored key hashes. A missing, unknown, revoked
/// or expired key gets 401 with <c>WWW-Authenticate: Bearer</c> (with <c>error="invalid_token"</c> and a description
/// when a token was sent, RFC 6750 §3) and a SCIM error body saying which (RFC 7644 §3.12); what a valid key may do
/// is authorization's business (<see cref="ApiKeyPolicies"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator,
    FailedAuthentications failedAuthentications)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The claim holding each scope of the key (<c>scim</c>, <c>read</c>, <c>write</c>, <c>admin</c>).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The claim holding the key's organization id.</summary>
    public const string OrganizationClaim = "organization";

    /// <summary>The claim holding the key's prefix (<see cref="ApiKey.Prefix"/>); its id is the name identifier, its label the name.</summary>
    public const string PrefixClaim = "key_prefix";

    // Where a failed authentication leaves the short reason the challenge repeats in WWW-Authenticate.
    private const string DescriptionItem = "error_description";

    /// <summary>
    /// Reads the bearer API key: no <c>Bearer</c> header gives no result (then a 401 challenge); an unknown, revoked or
    /// expired key fails, saying which; a valid key sets the request's organization and <see cref="AuthenticatedApiKey"/>
    /// and yields its id, label, prefix, organization and scope claims.
    /// </summary>
    /// <returns>NoResult, Fail or Success with a principal of the <see cref="SchemeName"/> scheme.</returns>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Of(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var (outcome, key) = await mediator.Send(new AuthenticateApiKey.Query(token), Context.RequestAborted);
        if (outcome != AuthenticateApiKey.Outcome.Valid)
        {
            failedAuthentications.Record(Context.Connection.RemoteIpAddress, token, outcome.ToString().ToLowerInvariant());
        }

        switch (outcome)
        {
            case AuthenticateApiKey.Outcome.Unknown:
                return Fail("The API key is unknown", "The bearer token is not an API key of any organization; check that it was copied whole.");
            case AuthenticateApiKey.Outcome.Revoked:
                return Fail("The API key was revoked",
                    $"This API key ('{key!.Name}', {key.Prefix}…) was revoked at {key.RevokedUtc:s}Z; the organization's owner can create a new key.");
            case AuthenticateApiKey.Outcome.Expired:
                return Fail("The API key has expired",
                    $"This API key ('{key!.Name}', {key.Prefix}…) expired at {key.ExpiresUtc:s}Z; the organization's owner can create a new key.");
        }

        // Every organization-owned query is filtered by this scoped value (see ScimDbContext's query filters).
        Context.RequestServices.GetRequiredService<OrganizationContext>().OrganizationId = key!.OrganizationId;
        Context.RequestServices.GetRequiredService<AuthenticatedApiKey>().Set(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, key.Name),
            new(PrefixClaim, key.Prefix),
            new(OrganizationClaim, key.OrganizationId.ToString()),
        };
        claims.AddRange(Enum.GetValues<ApiKeyScopes>()
            .Where(s => s != ApiKeyScopes.None && key.Scopes.HasFlag(s))
            .Select(s => new Claim(ScopeClaim, ApiKeyScopeNames.Format(s))));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>
    /// Writes 401 with <c>WWW-Authenticate: Bearer realm="SCIM"</c> (plus <c>error="invalid_token"</c> and why, when the
    /// token was refused) and a SCIM error body (RFC 7644 §3.12).
    /// </summary>
    /// <param name="properties">Unused.</param>
    /// <returns>A task that completes when the response is written.</returns>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        string detail;
        if (result.Failure is { } failure && result.Properties?.Items.TryGetValue(DescriptionItem, out var description) == true)
        {
            // RFC 6750 §3: error_description is plain ASCII without quotes or backslashes, as these fixed sentences are.
            Response.Headers.WWWAuthenticate = $"Bearer realm=\"SCIM\", error=\"invalid_token\", error_description=\"{description}\"";
            detail = failure.Message;
        }
        else
        {
            // RFC 6750 §3.1: a request without credentials gets no error code.
            Response.Headers.WWWAuthenticate = "Bearer realm=\"SCIM\"";
            detail = Request.Headers.Authorization.Count == 0
                ? "Authentication required: send the organization's API key as 'Authorization: Bearer <key>'."
                : "The Authorization header is not a bearer token: send the organization's API key as 'Authorization: Bearer <key>'.";
        }

        await ScimErrorResponse.WriteAsync(Context, new ScimError(StatusCodes.Status401Unauthorized, null, detail));
    }

    /// <summary>
    /// Writes 403 with a SCIM error body (RFC 7644 §3.12). A missing scope is answered, naming it, before this is reached
    /// (<see cref="ApiKeyForbiddenResultHandler"/>); this covers any other refusal.
    /// </summary>
    /// <param name="properties">Unused.</param>
    /// <returns>A task that completes when the response is written.</returns>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimErrorResponse.WriteAsync(Context, new ScimError(StatusCodes.Status403Forbidden, null,
            $"This API key may not {Request.Method} {Request.Path}; the organization's owner can create a key with the scope it needs."));

    private static AuthenticateResult Fail(string description, string detail) =>
        AuthenticateResult.Fail(detail, new AuthenticationProperties(new Dictionary<string, string?> { [DescriptionItem] = description }));
}
