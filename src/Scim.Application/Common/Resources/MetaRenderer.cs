using System.Text.Json;
using Scim.Protocol.Projection;

namespace Scim.Application.Common.Resources;

/// <summary>
/// Writes <c>meta</c> (RFC 7643 §3.1) of resources of one type, as far as a projection keeps it: <c>resourceType</c>,
/// <c>created</c> and <c>lastModified</c> (ISO 8601 UTC, as the serializer writes a UTC <see cref="DateTime"/>, e.g.
/// <c>2026-12-04T20:17:16.020924Z</c>), <c>location</c> (absolute: the request's SCIM base URL, the endpoint, the id) and
/// <c>version</c> (the resource's <see cref="ETag"/>, e.g. <c>W/"7"</c>; RFC 7644 §3.14).
/// </summary>
internal sealed class MetaRenderer
{
    private static readonly JsonEncodedText MetaName = JsonEncodedText.Encode("meta");
    private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");
    private static readonly JsonEncodedText CreatedName = JsonEncodedText.Encode("created");
    private static readonly JsonEncodedText LastModifiedName = JsonEncodedText.Encode("lastModified");
    private static readonly JsonEncodedText LocationName = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");

    private readonly JsonEncodedText resourceType;
    private readonly string endpoint;
    private readonly bool writesResourceType;
    private readonly bool writesCreated;
    private readonly bool writesLastModified;
    private readonly bool writesLocation;
    private readonly bool writesVersion;

    /// <param name="resource">What the projection keeps of a resource (its top-level scope).</param>
    /// <param name="resourceType"><c>meta.resourceType</c>: <c>User</c> or <c>Group</c>.</param>
    /// <param name="endpoint">The resource type's endpoint below the SCIM base URL, e.g. <c>/Users</c>.</param>
    public MetaRenderer(ProjectionScope resource, string resourceType, string endpoint)
    {
        this.resourceType = JsonEncodedText.Encode(resourceType);
        this.endpoint = endpoint;
        var meta = resource.Member("meta");
        writesResourceType = meta?.Member("resourceType") is not null;
        writesCreated = meta?.Member("created") is not null;
        writesLastModified = meta?.Member("lastModified") is not null;
        writesLocation = meta?.Member("location") is not null;
        writesVersion = meta?.Member("version") is not null;
    }

    /// <summary>Writes the <c>meta</c> member, or nothing when the projection keeps none of it.</summary>
    public void Write(Utf8JsonWriter json, string baseUrl, Guid id, DateTime createdUtc, DateTime lastModifiedUtc, long version)
    {
        if (!(writesResourceType || writesCreated || writesLastModified || writesLocation || writesVersion))
        {
            return;
        }

        json.WriteStartObject(MetaName);
        if (writesResourceType)
        {
            json.WriteString(ResourceTypeName, resourceType);
        }

        if (writesCreated)
        {
            json.WriteString(CreatedName, createdUtc);
        }

        if (writesLastModified)
        {
            json.WriteString(LastModifiedName, lastModifiedUtc);
        }

        if (writesLocation)
        {
            ResourceLocation.Write(json, LocationName, baseUrl, endpoint, id);
        }

        if (writesVersion)
        {
            Span<byte> tag = stackalloc byte[ETag.MaxLength];
            json.WriteString(VersionName, tag[..ETag.Format(version, tag)]);
        }

        json.WriteEndObject();
    }
}
