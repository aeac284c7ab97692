using System.Text.Json.Serialization;
using Scim.Application.Common.Resources;

namespace Scim.Application.Features.Groups;

/// <summary>The wire form of a SCIM Group (RFC 7643 §4.2).</summary>
public sealed class ScimGroup
{
    /// <summary><c>schemas</c> (RFC 7643 §3): the schema URNs, <c>urn:ietf:params:scim:schemas:core:2.0:Group</c>.</summary>
    public List<string> Schemas { get; set; } = [];
    /// <summary>
    /// <c>id</c> (RFC 7643 §3.1): server-assigned, readOnly, a lower-case GUID string. Ignored in a POST; in a PUT or
    /// PATCH, a value other than the resource's own is 400 mutability.
    /// </summary>
    public string? Id { get; set; }
    /// <summary><c>externalId</c> (RFC 7643 §3.1): the client's identifier, case-exact.</summary>
    public string? ExternalId { get; set; }
    /// <summary><c>displayName</c> (RFC 7643 §4.2): required, unique per organization, case-insensitive.</summary>
    public string? DisplayName { get; set; }
    /// <summary><c>members</c> (RFC 7643 §4.2): the direct members, users and nested groups.</summary>
    public List<ScimMember>? Members { get; set; }
    /// <summary><c>meta</c> (RFC 7643 §3.1); read-only.</summary>
    public ScimMeta? Meta { get; set; }
}

/// <summary>An element of <c>members</c>: <c>value</c> is the member's SCIM id, <c>type</c> <c>User</c> or <c>Group</c>.</summary>
public sealed class ScimMember
{
    /// <summary><c>members.value</c>: the member's SCIM id (a GUID string, lower-case). Immutable: members are added and removed whole.</summary>
    public string? Value { get; set; }

    /// <summary>
    /// <c>members.$ref</c>: the member's URL on this server (<c>{base}/Users/{id}</c> or <c>{base}/Groups/{id}</c>, as
    /// its <c>meta.location</c>). Derived from <c>value</c> at every read; readOnly: a client's value is ignored.
    /// </summary>
    [JsonPropertyName("$ref")]
    public string? Ref { get; set; }

    /// <summary>Read-only: the member's displayName (or userName when a user has none); a client's value is ignored.</summary>
    public string? Display { get; set; }

    /// <summary>
    /// <c>members.type</c>: <c>User</c> or <c>Group</c>, the type of the resource <c>value</c> names (any casing on
    /// input; another type is 400 invalidValue). Immutable: set when the member is added.
    /// </summary>
    public string? Type { get; set; }
}
