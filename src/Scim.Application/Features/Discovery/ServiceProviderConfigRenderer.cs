using System.Text.Json.Nodes;
using Scim.Application.Common.Resources;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Discovery;

/// <summary>
/// Renders <c>GET /ServiceProviderConfig</c> (RFC 7643 §5): PATCH and filtering supported (at most
/// <see cref="ListParameters.MaxCount"/> results), ETags (<c>meta.version</c>, <c>If-Match</c>, <c>If-None-Match</c>), no bulk,
/// no password change, no sorting, and OAuth bearer authentication with an organization API key.
/// </summary>
internal static class ServiceProviderConfigRenderer
{

    /// <summary>Renders the configuration; a fresh object per call.</summary>
    public static JsonObject Render() => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ServiceProviderConfig),
        ["patch"] = Supported(true),
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ListParameters.MaxCount },
        ["changePassword"] = Supported(false),
        ["sort"] = Supported(false),
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
