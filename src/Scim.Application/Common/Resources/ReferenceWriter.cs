using System.Text.Json;
using Scim.Protocol.Projection;

namespace Scim.Application.Common.Resources;

/// <summary>
/// Writes elements of a multi-valued reference to other resources, a user's <c>groups</c> (RFC 7643 §4.1.2) or a
/// group's <c>members</c> (§4.2): <c>{"value": id, "$ref": url, "display": ..., "type": ...}</c>, each sub-attribute
/// only when the projection keeps it. <c>$ref</c> is the referenced resource's absolute URL on this server, built as
/// its <c>meta.location</c> is (<see cref="ResourceLocation"/>).
/// </summary>
internal readonly struct ReferenceWriter
{
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText DisplayName = JsonEncodedText.Encode("display");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");

    private readonly bool writesValue;
    private readonly bool writesRef;
    private readonly bool writesDisplay;
    private readonly bool writesType;

    /// <param name="scope">The projection's scope of the attribute (<c>groups</c>, <c>members</c>), or null when it is left out.</param>
    public ReferenceWriter(ProjectionScope? scope)
    {
        writesValue = scope?.Member("value") is not null;
        writesRef = scope?.Member(ResourceLocation.RefName) is not null;
        writesDisplay = scope?.Member("display") is not null;
        writesType = scope?.Member("type") is not null;
    }

    /// <summary>False when the projection keeps none of the sub-attributes, so the attribute is left out.</summary>
    public bool WritesAny => writesValue || writesRef || writesDisplay || writesType;

    /// <summary>Writes one element.</summary>
    /// <param name="json">The writer, inside the attribute's array.</param>
    /// <param name="baseUrl">The SCIM base URL for <c>$ref</c>; empty for a relative one.</param>
    /// <param name="endpoint">The referenced resource's endpoint, <c>/Users</c> or <c>/Groups</c>.</param>
    /// <param name="id">The referenced resource's id.</param>
    /// <param name="display">Its display name.</param>
    /// <param name="type">The element's <c>type</c>.</param>
    public void Write(Utf8JsonWriter json, string baseUrl, string endpoint, Guid id, string? display, JsonEncodedText type)
    {
        json.WriteStartObject();
        if (writesValue)
        {
            json.WriteString(ValueName, id);
        }

        if (writesRef)
        {
            ResourceLocation.Write(json, ResourceLocation.Ref, baseUrl, endpoint, id);
        }

        if (writesDisplay)
        {
            json.WriteString(DisplayName, display);
        }

        if (writesType)
        {
            json.WriteString(TypeName, type);
        }

        json.WriteEndObject();
    }
}
