using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Scim.Protocol.Patching;

/// <summary>
/// One PATCH operation (RFC 7644 §3.5.2), e.g. <c>{"op":"Replace","path":"emails[type eq \"work\"].value","value":"x@y"}</c>.
/// </summary>
public sealed class PatchOperation
{
    /// <summary><c>add</c>, <c>replace</c> or <c>remove</c>, in any casing (Microsoft Entra sends <c>Add</c>).</summary>
    [JsonPropertyName("op")]
    public string? Op { get; set; }

    /// <summary>The target (RFC 7644 §3.5.2 <c>PATH</c>), or null for a path-less add/replace whose value is an object of paths.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The value: string, boolean, number, object or array depending on the target; null when absent.</summary>
    [JsonPropertyName("value")]
    public JsonNode? Value { get; set; }
}
