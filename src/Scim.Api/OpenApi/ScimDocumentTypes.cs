using System.Text.Json.Serialization;
using Scim.Application.Common.Resources;

namespace Scim.Api.OpenApi;

// Shapes that the server writes as JSON objects (see ScimResults and the discovery renderers). They exist only so the
// OpenAPI document can describe those bodies; ScimSchemaNameGenerator publishes them under their RFC names.

/// <summary>A ListResponse message (RFC 7644 §3.4.2) of <typeparamref name="T"/> resources.</summary>
/// <typeparam name="T">The resource type.</typeparam>
public sealed class ScimListResponse<T>
{
    /// <summary><c>["urn:ietf:params:scim:api:messages:2.0:ListResponse"]</c>.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary>The number of results the query matched, across all pages; absent on a page by cursor (RFC 9865), whose walk never counts.</summary>
    public int? TotalResults { get; set; }

    /// <summary>The 1-based index of the first result on this page; absent on a page by cursor.</summary>
    public int? StartIndex { get; set; }

    /// <summary>The number of resources on this page.</summary>
    public int? ItemsPerPage { get; set; }

    /// <summary>The resources on this page.</summary>
    [JsonPropertyName("Resources")]
    public List<T> Resources { get; set; } = [];

    /// <summary>
    /// <c>nextCursor</c> (RFC 9865 §2.2): on a page asked for by <c>cursor</c>, the cursor of the next page — send it as
    /// <c>cursor</c> with every other parameter unchanged; absent on the last page and on pages by <c>startIndex</c>.
    /// </summary>
    public string? NextCursor { get; set; }
}

/// <summary>
/// A resource of either type, as a search of the root answers with them (RFC 7644 §3.4.2, §3.4.3): a User
/// (urn:ietf:params:scim:schemas:core:2.0:User) or a Group (urn:ietf:params:scim:schemas:core:2.0:Group), which
/// meta.resourceType and schemas tell apart. The attributes every resource has are listed here; those of its type (see
/// the User and Group schemas) are further members.
/// </summary>
public sealed class ScimResource
{
    /// <summary><c>schemas</c> (RFC 7643 §3): the type's core schema URN, and the URNs of the extensions the resource has.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary><c>id</c> (RFC 7643 §3.1): server-assigned, a lower-case GUID string.</summary>
    public string? Id { get; set; }

    /// <summary><c>externalId</c> (RFC 7643 §3.1): the client's identifier, case-exact.</summary>
    public string? ExternalId { get; set; }

    /// <summary><c>meta</c> (RFC 7643 §3.1); <c>meta.resourceType</c> is <c>User</c> or <c>Group</c>.</summary>
    public ScimMeta? Meta { get; set; }
}

/// <summary>A SCIM error response (RFC 7644 §3.12).</summary>
public sealed class ScimErrorDocument
{
    /// <summary><c>["urn:ietf:params:scim:api:messages:2.0:Error"]</c>.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary>The HTTP status code, as a string (e.g. <c>"404"</c>).</summary>
    public string Status { get; set; } = "";

    /// <summary>The RFC 7644 §3.12 error keyword (<c>invalidFilter</c>, <c>uniqueness</c>, <c>invalidValue</c>, ...), when there is one.</summary>
    public string? ScimType { get; set; }

    /// <summary>What went wrong and how to fix it.</summary>
    public string? Detail { get; set; }
}

/// <summary>The service provider's configuration (RFC 7643 §5).</summary>
public sealed class ScimServiceProviderConfig
{
    /// <summary><c>["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"]</c>.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary>Where the service provider's help is published, if anywhere.</summary>
    public string? DocumentationUri { get; set; }

    /// <summary>PATCH support.</summary>
    public ScimFeature Patch { get; set; } = new();

    /// <summary>Bulk support.</summary>
    public ScimBulkFeature Bulk { get; set; } = new();

    /// <summary>Filter support.</summary>
    public ScimFilterFeature Filter { get; set; } = new();

    /// <summary>Password change support.</summary>
    public ScimFeature ChangePassword { get; set; } = new();

    /// <summary>Sorting support.</summary>
    public ScimFeature Sort { get; set; } = new();

    /// <summary>ETag support.</summary>
    public ScimFeature Etag { get; set; } = new();

    /// <summary>The supported authentication schemes.</summary>
    public List<ScimAuthenticationScheme> AuthenticationSchemes { get; set; } = [];

    /// <summary>Pagination support (RFC 9865 §4): both methods, index by default.</summary>
    public ScimPaginationFeature? Pagination { get; set; }

    /// <summary>Resource metadata.</summary>
    public ScimMeta? Meta { get; set; }
}

/// <summary>An optional feature of the service provider (RFC 7643 §5).</summary>
public sealed class ScimFeature
{
    /// <summary>Whether the feature is supported.</summary>
    public bool Supported { get; set; }
}

/// <summary>Bulk support (RFC 7643 §5).</summary>
public sealed class ScimBulkFeature
{
    /// <summary>Whether bulk requests are supported.</summary>
    public bool Supported { get; set; }

    /// <summary>The maximum number of operations in one bulk request.</summary>
    public int MaxOperations { get; set; }

    /// <summary>The maximum payload size of one bulk request, in bytes.</summary>
    public int MaxPayloadSize { get; set; }
}

/// <summary>Filter support (RFC 7643 §5).</summary>
public sealed class ScimFilterFeature
{
    /// <summary>Whether filters are supported.</summary>
    public bool Supported { get; set; }

    /// <summary>The maximum number of resources returned in one response.</summary>
    public int MaxResults { get; set; }
}

/// <summary>Pagination support (RFC 9865 §4).</summary>
public sealed class ScimPaginationFeature
{
    /// <summary>Whether cursor pagination (<c>cursor</c>, <c>nextCursor</c>) is supported.</summary>
    public bool Cursor { get; set; }

    /// <summary>Whether index pagination (<c>startIndex</c>, RFC 7644 §3.4.2.4) is supported.</summary>
    public bool Index { get; set; }

    /// <summary><c>cursor</c> or <c>index</c>: the method used when a request names neither <c>cursor</c> nor <c>startIndex</c>.</summary>
    public string? DefaultPaginationMethod { get; set; }

    /// <summary>The number of resources on a page when a request has no <c>count</c>.</summary>
    public int? DefaultPageSize { get; set; }

    /// <summary>The most resources on one page, whatever <c>count</c> asks for.</summary>
    public int? MaxPageSize { get; set; }

    /// <summary>The minimum number of seconds a cursor stays valid between page requests.</summary>
    public int? CursorTimeout { get; set; }
}

/// <summary>An authentication scheme (RFC 7643 §5).</summary>
public sealed class ScimAuthenticationScheme
{
    /// <summary>The scheme's type, e.g. <c>oauthbearertoken</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>The scheme's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>How to authenticate.</summary>
    public string? Description { get; set; }

    /// <summary>Whether this is the preferred scheme.</summary>
    public bool? Primary { get; set; }
}

/// <summary>A resource type (RFC 7643 §6).</summary>
public sealed class ScimResourceType
{
    /// <summary><c>["urn:ietf:params:scim:schemas:core:2.0:ResourceType"]</c>.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary>The resource type's id, e.g. <c>User</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The resource type's name, e.g. <c>User</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The endpoint relative to the SCIM base URL, e.g. <c>/Users</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>A description of the resource type.</summary>
    public string? Description { get; set; }

    /// <summary>The core schema URN.</summary>
    public string Schema { get; set; } = "";

    /// <summary>The schema extensions of the resource type.</summary>
    public List<ScimSchemaExtension>? SchemaExtensions { get; set; }

    /// <summary>Resource metadata.</summary>
    public ScimMeta? Meta { get; set; }
}

/// <summary>A schema extension of a resource type (RFC 7643 §6).</summary>
public sealed class ScimSchemaExtension
{
    /// <summary>The extension's schema URN.</summary>
    public string Schema { get; set; } = "";

    /// <summary>Whether resources must include the extension.</summary>
    public bool Required { get; set; }
}

/// <summary>A schema definition (RFC 7643 §7).</summary>
public sealed class ScimSchema
{
    /// <summary><c>["urn:ietf:params:scim:schemas:core:2.0:Schema"]</c>.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary>The schema URN.</summary>
    public string Id { get; set; } = "";

    /// <summary>The schema's name.</summary>
    public string? Name { get; set; }

    /// <summary>A description of the schema.</summary>
    public string? Description { get; set; }

    /// <summary>The schema's attributes.</summary>
    public List<ScimAttributeDefinition> Attributes { get; set; } = [];

    /// <summary>Resource metadata.</summary>
    public ScimMeta? Meta { get; set; }
}

/// <summary>An attribute definition of a schema (RFC 7643 §7).</summary>
public sealed class ScimAttributeDefinition
{
    /// <summary>The attribute's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The data type: <c>string</c>, <c>boolean</c>, <c>decimal</c>, <c>integer</c>, <c>dateTime</c>, <c>reference</c>, <c>binary</c> or <c>complex</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Whether the attribute is multi-valued.</summary>
    public bool MultiValued { get; set; }

    /// <summary>A description of the attribute.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the attribute is required.</summary>
    public bool Required { get; set; }

    /// <summary>Whether string values are compared case-sensitively.</summary>
    public bool? CaseExact { get; set; }

    /// <summary>The suggested values.</summary>
    public List<string>? CanonicalValues { get; set; }

    /// <summary><c>readOnly</c>, <c>readWrite</c>, <c>immutable</c> or <c>writeOnly</c>.</summary>
    public string? Mutability { get; set; }

    /// <summary><c>always</c>, <c>never</c>, <c>default</c> or <c>request</c>.</summary>
    public string? Returned { get; set; }

    /// <summary><c>none</c>, <c>server</c> or <c>global</c>.</summary>
    public string? Uniqueness { get; set; }

    /// <summary>The resource types a reference may point to.</summary>
    public List<string>? ReferenceTypes { get; set; }

    /// <summary>The sub-attributes of a complex attribute.</summary>
    public List<ScimAttributeDefinition>? SubAttributes { get; set; }
}
