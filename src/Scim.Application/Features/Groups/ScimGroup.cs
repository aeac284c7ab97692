using System.Text.Json.Serialization;
using Scim.Application.Common.Resources;

namespace Scim.Application.Features.Groups;

/// <summary>The wire form of a SCIM Group (RFC 7643 §4.2).</summary>
public sealed class ScimGroup
{
    public List<string> Schemas { get; set; } = [];
    public string? Id { get; set; }
    public string? ExternalId { get; set; }
    public string? DisplayName { get; set; }
    public List<ScimMember>? Members { get; set; }
    public ScimMeta? Meta { get; set; }
}

/// <summary>An element of <c>members</c>: <c>value</c> is the member's SCIM id, <c>type</c> <c>User</c> or <c>Group</c>.</summary>
public sealed class ScimMember
{
    public string? Value { get; set; }

    [JsonPropertyName("$ref")]
    public string? Ref { get; set; }

    /// <summary>Read-only: the member's displayName (or userName when a user has none).</summary>
    public string? Display { get; set; }

    public string? Type { get; set; }
}
