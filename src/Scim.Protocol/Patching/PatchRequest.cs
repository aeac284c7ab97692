using System.Text.Json.Serialization;

namespace Scim.Protocol.Patching;

/// <summary>
/// The body of a SCIM PATCH request (RFC 7644 §3.5.2):
/// <c>{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"...","value":...}]}</c>.
/// Both members are nullable so that a missing member reaches <see cref="PatchEngine"/>, which answers
/// 400 <c>invalidSyntax</c> instead of failing deserialisation.
/// </summary>
public sealed class PatchRequest
{
    /// <summary>The message schemas; must contain <c>urn:ietf:params:scim:api:messages:2.0:PatchOp</c>.</summary>
    [JsonPropertyName("schemas")]
    public List<string>? Schemas { get; set; }

    /// <summary>The operations, applied in order and all-or-nothing. An empty list is a no-op.</summary>
    [JsonPropertyName("Operations")]
    public List<PatchOperation>? Operations { get; set; }
}
