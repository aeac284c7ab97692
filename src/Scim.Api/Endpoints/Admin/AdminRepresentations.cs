using System.Text.Json;
using System.Text.Json.Serialization;
using Scim.Api.Http;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// An organization as the administration API returns it, with what its owner pastes into an identity provider: the
/// addresses are those of this deployment (its region), from <c>Scim:PublicBaseUrl</c> and <c>Scim:PathBase</c>
/// (<see cref="ScimOptions"/>), or from the request when no public address is configured.
/// </summary>
/// <param name="Id">The organization's id.</param>
/// <param name="Name">Its name, unique among the deployment's organizations (case-insensitive).</param>
/// <param name="Created">When it was created (UTC, ISO 8601).</param>
/// <param name="Region">The deployment's region (<c>Scim:Region</c>, e.g. <c>eu</c>); absent when none is configured.</param>
/// <param name="ScimBaseUrl">The SCIM service's base URL (RFC 7644 §3.2), e.g. <c>https://scim.eu.example.com/scim/v2</c>.</param>
/// <param name="EntraTenantUrl">Microsoft Entra ID's "Tenant URL": the base URL with <c>/?aadOptscim062020</c>, which turns on Entra's RFC-compliant PATCH.</param>
/// <param name="OktaBaseUrl">Okta's "SCIM connector base URL": the base URL.</param>
/// <param name="RateLimit">How many requests the organization may send: its own limit, or the deployment's (<c>Scim:RateLimits</c>).</param>
public sealed record AdminOrganization(
    Guid Id, string Name, DateTime Created, string? Region, string ScimBaseUrl, string EntraTenantUrl, string OktaBaseUrl, AdminRateLimit RateLimit)
{
    /// <summary>The representation of <paramref name="organization"/>, with the addresses of this deployment as seen by <paramref name="context"/>.</summary>
    public static AdminOrganization From(Organization organization, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices.GetRequiredService<ScimOptions>();
        var limits = options.RateLimits;
        var scimBase = ScimResults.ScimBaseUrl(context);
        return new AdminOrganization(
            organization.Id,
            organization.Name,
            organization.CreatedUtc,
            options.Region.Length > 0 ? options.Region : null,
            scimBase,
            scimBase + "/?aadOptscim062020",
            scimBase,
            organization is { RateLimitPerSecond: { } rate, RateLimitBurst: { } burst }
                ? new AdminRateLimit(rate, burst, AdminRateLimit.OwnSource)
                : new AdminRateLimit(limits.RequestsPerSecond, limits.Burst, AdminRateLimit.DeploymentSource));
    }
}

/// <summary>An organization's rate limit: a token bucket of <paramref name="Burst"/> requests refilled at <paramref name="RequestsPerSecond"/>; beyond it 429 with Retry-After.</summary>
/// <param name="RequestsPerSecond">Requests per second the organization may send, sustained.</param>
/// <param name="Burst">How many it may send at once.</param>
/// <param name="Source"><c>organization</c> (its own, set through the administration API) or <c>deployment</c> (<c>Scim:RateLimits</c>).</param>
public sealed record AdminRateLimit(int RequestsPerSecond, int Burst, string Source)
{
    /// <summary>The <see cref="Source"/> of an organization's own limit.</summary>
    public const string OwnSource = "organization";

    /// <summary>The <see cref="Source"/> of the deployment's limit.</summary>
    public const string DeploymentSource = "deployment";
}

/// <summary>A page of organizations, by lower-case name.</summary>
/// <param name="Resources">The organizations of the page.</param>
/// <param name="NextCursor">What to send as <c>cursor</c> for the next page; absent on the last page.</param>
public sealed record AdminOrganizationPage(IReadOnlyList<AdminOrganization> Resources, string? NextCursor);

/// <summary>An API key as listed: never its secret or the secret's hash.</summary>
/// <param name="Id">The key's id (to revoke it).</param>
/// <param name="Prefix">The first 12 characters of its secret, to tell keys apart.</param>
/// <param name="Label">Its label, e.g. <c>entra-provisioning</c>.</param>
/// <param name="Scopes">Its scopes among <c>scim</c>, <c>read</c>, <c>write</c>, <c>admin</c>.</param>
/// <param name="Created">When it was created (UTC).</param>
/// <param name="LastUsed">The minute it was last used (UTC, written about once a minute); absent until it is used.</param>
/// <param name="Expires">When it stops working (UTC); absent when it never expires.</param>
/// <param name="Revoked">When it was revoked (UTC); absent while it is not.</param>
/// <param name="Status"><c>active</c>, <c>expired</c> or <c>revoked</c>.</param>
public record AdminApiKey(
    Guid Id, string Prefix, string Label, IReadOnlyList<string> Scopes, DateTime Created, DateTime? LastUsed, DateTime? Expires, DateTime? Revoked, string Status)
{
    /// <summary>The representation of <paramref name="key"/> at <paramref name="now"/> (for its status).</summary>
    public static AdminApiKey From(ApiKey key, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new AdminApiKey(key.Id, key.Prefix, key.Name, ApiKeyScopeNames.Format(key.Scopes).Split(' '), key.CreatedUtc, key.LastUsedUtc,
            key.ExpiresUtc, key.RevokedUtc, key.RevokedUtc is not null ? "revoked" : key.HasExpiredAt(now) ? "expired" : "active");
    }
}

/// <summary>A key just created: as listed, plus its secret, shown this once and never again.</summary>
public sealed record CreatedAdminApiKey : AdminApiKey
{
    private CreatedAdminApiKey(AdminApiKey key, string secret)
        : base(key) => Secret = secret;

    /// <summary>The bearer token to paste into the identity provider (Entra's "Secret Token", Okta's API token).</summary>
    public string Secret { get; init; }

    /// <summary>The representation of a key the slice just created, at <paramref name="now"/>.</summary>
    public static CreatedAdminApiKey From(CreateApiKey.Response created, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(created);
        return new CreatedAdminApiKey(From(created.Key, now), created.Token);
    }
}

/// <summary>An organization's keys, newest first.</summary>
/// <param name="Resources">The keys.</param>
public sealed record AdminApiKeyList(IReadOnlyList<AdminApiKey> Resources);

/// <summary>The body of <c>POST /admin/organizations</c>, <c>PUT</c> and <c>PATCH</c> of one.</summary>
/// <param name="Name">The organization's (new) name: 1 to 200 UTF-16 code units without control or formatting characters, unique case-insensitively.</param>
/// <param name="RateLimit">
/// PUT and PATCH only: the organization's own rate limit, e.g. <c>{"requestsPerSecond": 500, "burst": 1000}</c> (burst
/// absent: twice the rate), or <c>null</c> for the deployment's; absent leaves it as it is.
/// </param>
public sealed record OrganizationRequest(string? Name, OrganizationRateLimitRequest? RateLimit = null);

/// <summary>An organization's own rate limit as sent.</summary>
/// <param name="RequestsPerSecond">Requests per second, sustained: 1 to 100,000.</param>
/// <param name="Burst">How many at once: from <paramref name="RequestsPerSecond"/> to 1,000,000; absent: twice the rate.</param>
public sealed record OrganizationRateLimitRequest(int? RequestsPerSecond, int? Burst);

/// <summary>The body of <c>POST /admin/organizations/{organizationId}/keys</c>.</summary>
/// <param name="Label">A label (at most 100 UTF-16 code units, no control or formatting characters); <c>default</c> when absent.</param>
/// <param name="Scopes">
/// One name per element among <c>scim</c> (every SCIM request: what Entra and Okta need), <c>read</c>, <c>write</c> and
/// <c>admin</c>, any case, e.g. <c>["read", "write"]</c>; at least one.
/// </param>
/// <param name="Expires">When the key stops working: ISO 8601 (<c>2027-01-31T00:00:00Z</c>) or a time from now (<c>90d</c>, <c>12h</c>, <c>P90D</c>); absent: never.</param>
public sealed record ApiKeyRequest(string? Label, IReadOnlyList<string>? Scopes, string? Expires);

/// <summary>
/// How every administration answer is written (<c>application/json</c>): camelCase members, enum values as camelCase
/// strings (<c>addMembers</c>, <c>failed</c>), times in ISO 8601 UTC, members without a value left out rather than
/// written as <c>null</c>. Errors are SCIM error bodies (<see cref="ScimResults.Error"/>).
/// </summary>
internal static class AdminResults
{
    /// <summary>The serializer options of every administration answer.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary><paramref name="body"/> as JSON, with <paramref name="status"/> (200 unless said).</summary>
    public static IResult Ok<T>(T body, int status = StatusCodes.Status200OK) =>
        Results.Json(body, Options, "application/json", status);

    /// <summary>201 with <paramref name="body"/> as JSON and its URL in <c>Location</c>.</summary>
    public static IResult Created<T>(string location, T body) => new WithLocation(location, Ok(body, StatusCodes.Status201Created));

    /// <summary>202 with <paramref name="body"/> as JSON and in <c>Location</c> where to follow the work it started.</summary>
    public static IResult Accepted<T>(string location, T body) => new WithLocation(location, Ok(body, StatusCodes.Status202Accepted));

    /// <summary>The success mapped by <paramref name="map"/>, or the SCIM error.</summary>
    public static IResult From<T>(Result<T> result, Func<T, IResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return result.IsSuccess ? map(result.Value!) : ScimResults.Error(result.Error);
    }

    private sealed class WithLocation(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.Location = location;
            return inner.ExecuteAsync(context);
        }
    }
}
