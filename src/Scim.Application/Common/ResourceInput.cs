using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common;

/// <summary>The checks every POST and PUT body goes through before it touches an entity.</summary>
internal static class ResourceInput
{
    /// <summary>
    /// Normalises <paramref name="body"/> against <paramref name="type"/>'s schemas, logs the attributes it ignored
    /// and checks the required ones (RFC 7643 §2.2, §7). The canonical resource, or the 400 to send.
    /// </summary>
    public static Result<JsonObject> Read(JsonObject body, ResourceTypeDefinition type, ILogger logger)
    {
        var normalized = ResourceNormalizer.Normalize(body, type);
        if (!normalized.IsSuccess)
        {
            return normalized.Error;
        }

        Log.IgnoredAttributes(logger, type.Name, normalized.Value!.IgnoredAttributes);
        return ResourceNormalizer.ValidateRequired(normalized.Value.Resource, type);
    }
}
