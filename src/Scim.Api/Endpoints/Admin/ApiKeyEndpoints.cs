using Mediator;
using Scim.Api.Cli;
using Scim.Api.Http;
using Scim.Api.OpenApi;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// The API key endpoints of one organization (<c>/admin/organizations/{organizationId}/keys</c>). A key with the
/// <c>admin</c> scope may create keys of any scope, <c>admin</c> included, for its own organization: whoever holds it
/// administers that organization anyway.
/// </summary>
public static class ApiKeyEndpoints
{
    /// <summary>Maps <c>POST …/keys</c> (create; the secret is in the 201 body only), <c>GET …/keys</c> and <c>POST …/keys/{keyId}/revoke</c>.</summary>
    public static void MapApiKeys(this RouteGroupBuilder organization)
    {
        var keys = organization.MapGroup("/keys").WithTags("ApiKeys");
        keys.MapPost("/", CreateApiKeyAsync).WithName("CreateApiKey")
            .Accepts<ApiKeyRequest>("application/json")
            .Produces<CreatedAdminApiKey>(StatusCodes.Status201Created).WithMetadata(AdminParameters.CreatedLocation).ProducesScimErrors(400, 401, 403, 404);
        keys.MapGet("/", ListApiKeysAsync).WithName("ListApiKeys")
            .Produces<AdminApiKeyList>().ProducesScimErrors(401, 403, 404);
        keys.MapPost($"/{{{AdminRoute.KeyRouteValue}}}/revoke", RevokeApiKeyAsync).WithName("RevokeApiKey")
            .Produces<AdminApiKey>().ProducesScimErrors(401, 403, 404);
    }

    /// <summary>Creates an API key of the organization; its secret is in this answer only, never again.</summary>
    /// <remarks>
    /// <c>scopes</c>: one name per element among <c>scim</c> (every SCIM request: what Entra and Okta need), <c>read</c>,
    /// <c>write</c> and <c>admin</c>, any case; <c>label</c>: at most 100 UTF-16 code units, <c>default</c> when absent;
    /// <c>expires</c>: ISO 8601 (<c>2027-01-31T00:00:00Z</c>) or a time from now (<c>90d</c>, <c>12h</c>, <c>P90D</c>), in
    /// the future; absent: never. A bad value is 400 <c>invalidValue</c> naming it. A key with the <c>admin</c> scope may
    /// create keys of any scope for its own organization.
    /// </remarks>
    private static async Task<IResult> CreateApiKeyAsync(string organizationId, HttpContext context, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var body = await ScimRequestBody.ReadAsync<ApiKeyRequest>(context.Request, "API key", ct);
        if (!body.IsSuccess)
        {
            return ScimResults.Error(body.Error);
        }

        var (label, words, expires) = body.Value!;
        var scopes = ApiKeyScopeNames.Parse(words ?? [], "'scopes'", ", one per element, e.g. [\"scim\"] for Entra or Okta, [\"read\", \"write\"]");
        if (!scopes.IsSuccess)
        {
            return ScimResults.Error(scopes.Error);
        }

        DateTimeOffset? expiry = null;
        if (expires is not null && (expiry = KeyExpiry.Parse(expires, clock.GetUtcNow())) is null)
        {
            return ScimResults.Error(ScimError.InvalidValue($"'expires' is not {KeyExpiry.Forms}."));
        }

        return AdminResults.From(await mediator.Send(new CreateApiKey.Command(Guid.Parse(organizationId).ToString(), label ?? "", scopes.Value, expiry), ct),
            created => AdminResults.Created($"/admin/organizations/{organizationId}/keys/{created.Key.Id}",
                CreatedAdminApiKey.From(created, clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>Lists the organization's API keys, newest first; never a secret or its hash.</summary>
    /// <remarks>A key's <c>status</c> is <c>active</c>, <c>expired</c> or <c>revoked</c>; <c>lastUsed</c> is the minute it last authenticated a request, up to a minute late.</remarks>
    private static async Task<IResult> ListApiKeysAsync(string organizationId, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        AdminResults.From(await mediator.Send(new ListApiKeys.Query(Guid.Parse(organizationId).ToString()), ct), keys =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return AdminResults.Ok(new AdminApiKeyList([.. keys.Select(k => AdminApiKey.From(k, now))]));
        });

    /// <summary>Revokes an API key of the organization and answers it, <c>status</c> <c>revoked</c>.</summary>
    /// <remarks>
    /// The key gets 401 from then on (from other instances within <c>Scim:ApiKeyCacheSeconds</c>). Revoking it again changes
    /// nothing; a key of another organization is 404.
    /// </remarks>
    private static async Task<IResult> RevokeApiKeyAsync(string organizationId, string keyId, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        AdminResults.From(await mediator.Send(new RevokeApiKey.Command(Guid.Parse(keyId), Guid.Parse(organizationId)), ct),
            key => AdminResults.Ok(AdminApiKey.From(key, clock.GetUtcNow().UtcDateTime)));
}
