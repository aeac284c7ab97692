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

    /// <summary>
    /// As <see cref="Read"/> for the body of a PUT of resource <paramref name="id"/> (RFC 7644 §3.5.1), which must not
    /// carry another resource's <c>id</c>: 400 <c>mutability</c> when it does. Other readOnly values in it are ignored
    /// as the RFC says; an <c>id</c> that names another resource says the body was meant for that one, and replacing
    /// this resource with it would lose this one's data.
    /// </summary>
    public static Result<JsonObject> ReadReplacement(JsonObject body, Guid id, ResourceTypeDefinition type, ILogger logger)
    {
        foreach (var (key, value) in body)
        {
            if (value is not null && AttributePathResolver.Resolve(key, type).Value?.Attribute == CommonAttributes.Id
                && !(value is JsonValue text && text.TryGetValue<string>(out var sent) && (sent.Length == 0 || sent == id.ToString())))
            {
                return ScimError.Mutability(
                    $"The body's id {value.ToJsonString()} is not the id of the resource it replaces ('{id}'): id is readOnly (RFC 7643 §3.1). "
                    + "Leave it out, or send this resource's id.");
            }
        }

        return Read(body, type, logger);
    }
}
