using System.Text.Json.Nodes;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Bulk;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Discovery;

/// <summary>
/// Renders <c>GET /ServiceProviderConfig</c> (RFC 7643 §5): PATCH and filtering supported (at most
/// <see cref="ListQuery.MaxCount"/> results), bulk supported within the configured <see cref="BulkLimits"/>, ETags
/// (<c>meta.version</c>, <c>If-Match</c>, <c>If-None-Match</c>), no password change, sorting, paging by index and by
/// cursor (RFC 9865 §3 <c>pagination</c>), and OAuth bearer authentication with an organization API key.
/// </summary>
internal static class ServiceProviderConfigRenderer
{

    /// <summary>Renders the configuration; a fresh object per call.</summary>
    /// <param name="bulk">The bulk limits: <c>bulk.maxOperations</c> and <c>bulk.maxPayloadSize</c> (bytes).</param>
    /// <param name="pagination">The cursor timeout: <c>pagination.cursorTimeout</c> (seconds).</param>
    public static JsonObject Render(BulkLimits bulk, PaginationOptions pagination) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ServiceProviderConfig),
        ["patch"] = Supported(true),
        ["bulk"] = new JsonObject { ["supported"] = true, ["maxOperations"] = bulk.MaxOperations, ["maxPayloadSize"] = bulk.MaxPayloadSize },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ListQuery.MaxCount },
        ["changePassword"] = Supported(false),
        ["sort"] = Supported(true),
        ["pagination"] = new JsonObject
        {
            ["cursor"] = true,
            ["index"] = true,
            ["defaultPaginationMethod"] = "index",
            ["defaultPageSize"] = ListQuery.MaxCount,
            ["maxPageSize"] = ListQuery.MaxCount,
            ["cursorTimeout"] = pagination.CursorTimeout,
        },
        ["etag"] = Supported(true),
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "OAuth Bearer Token",
            ["description"] = "Authentication with an organization API key sent as Authorization: Bearer <key>",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = "/ServiceProviderConfig" },
    };

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };
}
