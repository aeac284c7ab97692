using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Application.Features.Bulk;

/// <summary>Reads the members of BulkRequest messages, whose names compare case-insensitively (RFC 7643 §2.1).</summary>
internal static class BulkJson
{
    /// <summary>The member named <paramref name="name"/> in any case, or null when it is absent or JSON null.</summary>
    public static JsonNode? Member(JsonObject json, string name)
    {
        foreach (var (key, value) in json)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The value when it is a JSON string, otherwise null.</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
