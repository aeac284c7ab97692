using System.Text.Json;

namespace Scim.Application.Common.Resources;

/// <summary><c>meta.location</c> (RFC 7643 §3.1): the SCIM base URL, the resource type's endpoint and the id.</summary>
internal static class ResourceLocation
{
    /// <summary>The resource's path below the SCIM base URL, e.g. <c>/Users/2819c223-7f76-453a-919d-413861904646</c>.</summary>
    public static string PathOf(string endpoint, Guid id) => $"{endpoint}/{id}";

    /// <summary>Writes <c>"name":"{baseUrl}{endpoint}/{id}"</c> without building the string on the heap.</summary>
    /// <param name="json">The writer, inside the meta object.</param>
    /// <param name="name">The member name (<c>location</c>).</param>
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
