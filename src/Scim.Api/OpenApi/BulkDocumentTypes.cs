using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Scim.Api.OpenApi;

// The bulk messages (RFC 7644 §3.7), which the server reads and writes as JSON (ProcessBulk); these shapes only
// describe them in the OpenAPI document, published as BulkRequest, BulkOperation, BulkResponse, BulkOperationResponse.

/// <summary>A BulkRequest message (RFC 7644 §3.7).</summary>
public sealed class ScimBulkRequest
{
    /// <summary><c>["urn:ietf:params:scim:api:messages:2.0:BulkRequest"]</c>.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary>After this many failed operations the rest are not run (and not in the response); absent runs them all.</summary>
    public int? FailOnErrors { get; set; }

    /// <summary>The operations, at most ServiceProviderConfig <c>bulk.maxOperations</c>.</summary>
    [JsonPropertyName("Operations")]
    public List<ScimBulkOperation> Operations { get; set; } = [];
}

/// <summary>One operation of a BulkRequest: the single request it stands for.</summary>
public sealed class ScimBulkOperation
{
    /// <summary><c>POST</c>, <c>PUT</c>, <c>PATCH</c> or <c>DELETE</c>.</summary>
    public string Method { get; set; } = "";

    /// <summary>
    /// The client's name for the resource a POST creates (required for POST, unique in the request); other operations
    /// of the request refer to the new resource's id as <c>bulkId:&lt;bulkId&gt;</c>, in <c>data</c> or in <c>path</c>.
    /// </summary>
    public string? BulkId { get; set; }

    /// <summary>The entity tag the resource must still have for a PUT, PATCH or DELETE, e.g. <c>W/"3"</c> (ignored until ETags are supported).</summary>
    public string? Version { get; set; }

    /// <summary><c>/Users</c> or <c>/Groups</c> for POST; <c>/Users/{id}</c> or <c>/Groups/{id}</c> (an id, or <c>bulkId:&lt;bulkId&gt;</c>) otherwise.</summary>
    public string Path { get; set; } = "";

    /// <summary>The body of the single request: a User or Group (POST, PUT) or a PatchOp (PATCH); none for DELETE.</summary>
    public JsonNode? Data { get; set; }
}

/// <summary>A BulkResponse message (RFC 7644 §3.7.3).</summary>
public sealed class ScimBulkResponse
{
    /// <summary><c>["urn:ietf:params:scim:api:messages:2.0:BulkResponse"]</c>.</summary>
    public List<string> Schemas { get; set; } = [];

    /// <summary>One element per operation that ran, in request order.</summary>
    [JsonPropertyName("Operations")]
    public List<ScimBulkOperationResponse> Operations { get; set; } = [];
}

/// <summary>What one operation of a bulk request gave.</summary>
public sealed class ScimBulkOperationResponse
{
    /// <summary>The operation's method.</summary>
    public string? Method { get; set; }

    /// <summary>The operation's bulkId, when it had one.</summary>
    public string? BulkId { get; set; }

    /// <summary>The resource's <c>meta.version</c> after the operation, when it has one.</summary>
    public string? Version { get; set; }

    /// <summary>The resource's absolute URL; absent for a failed POST.</summary>
    public string? Location { get; set; }

    /// <summary>The HTTP status the single request would have answered with, as a string (e.g. <c>"201"</c>).</summary>
    public string Status { get; set; } = "";

    /// <summary>
    /// For a failed operation, its SCIM error (<c>Error</c>); for a success that the single request answers with a body
    /// (201, 200), the resource; absent for a 204.
    /// </summary>
    public JsonNode? Response { get; set; }
}
