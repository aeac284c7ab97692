using System.Text.Json;

namespace Scim.Application.Common.Resources;

/// <summary>
/// The URL of a resource on this server: <c>meta.location</c> (RFC 7643 §3.1) and every <c>$ref</c> to it (§2.3.7:
/// <c>members.$ref</c>, <c>groups.$ref</c>, <c>manager.$ref</c>): the SCIM base URL, the resource type's endpoint and
/// the id.
/// </summary>
internal static class ResourceLocation
{
    /// <summary>The name of a reference's URL sub-attribute.</summary>
    public const string RefName = "$ref";

    /// <summary><see cref="RefName"/>, encoded for a writer.</summary>
    public static readonly JsonEncodedText Ref = JsonEncodedText.Encode(RefName, ScimJson.Options.Encoder);

    /// <summary>The resource's path below the SCIM base URL, e.g. <c>/Users/2819c223-7f76-453a-919d-413861904646</c>.</summary>
    public static string PathOf(string endpoint, Guid id) => $"{endpoint}/{id}";

    /// <summary>Writes <c>"name":"{baseUrl}{endpoint}/{id}"</c> without building the string on the heap.</summary>
    /// <param name="json">The writer, inside the object that holds the URL.</param>
    /// <param name="name">The member name (<c>location</c>, <c>$ref</c>).</param>
    /// <param name="baseUrl">The SCIM base URL without a trailing slash; empty for a relative location.</param>
    /// <param name="endpoint">The resource type's endpoint, e.g. <c>/Users</c>.</param>
    /// <param name="id">The resource's id, written in its 36-character form.</param>
    public static void Write(Utf8JsonWriter json, JsonEncodedText name, string baseUrl, string endpoint, Guid id)
    {
        var length = baseUrl.Length + endpoint.Length + 1 + 36;
        var location = length <= 512 ? stackalloc char[length] : new char[length];
        baseUrl.CopyTo(location);
        endpoint.CopyTo(location[baseUrl.Length..]);
        location[baseUrl.Length + endpoint.Length] = '/';
        id.TryFormat(location[(baseUrl.Length + endpoint.Length + 1)..], out _);
        json.WriteString(name, location);
    }
}
