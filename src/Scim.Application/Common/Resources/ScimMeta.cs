namespace Scim.Application.Common.Resources;

/// <summary>The <c>meta</c> attribute (RFC 7643 §3.1). <c>location</c> is filled in by the HTTP layer from the request's base URL.</summary>
// The slices set location relative to the SCIM base (/Users/{id}) so that attributes and excludedAttributes treat it
// like any other sub-attribute of meta; the HTTP layer then prefixes the request's base URL.
public sealed class ScimMeta
{
    /// <summary><c>meta.resourceType</c>: <c>User</c> or <c>Group</c>.</summary>
    public string? ResourceType { get; set; }
    /// <summary><c>meta.created</c>: when the resource was created, UTC (ISO 8601 on the wire).</summary>
    public DateTime? Created { get; set; }
    /// <summary><c>meta.lastModified</c>: when the resource last changed, UTC (ISO 8601 on the wire).</summary>
    public DateTime? LastModified { get; set; }
    /// <summary><c>meta.location</c>: the absolute URI of the resource, e.g. <c>https://host/scim/v2/Users/{id}</c>.</summary>
    public string? Location { get; set; }
    /// <summary>
    /// <c>meta.version</c>: the resource's weak entity tag, e.g. <c>W/"7"</c>, also sent as the <c>ETag</c> header; send it
    /// back in <c>If-Match</c> to change the resource only while it still has this version (RFC 7644 §3.14).
    /// </summary>
    public string? Version { get; set; }
}
