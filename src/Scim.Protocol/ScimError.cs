using System.Globalization;
using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Protocol;

/// <summary>
/// An expected failure, sent as the SCIM error body of RFC 7644 §3.12:
/// <c>{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"400","scimType":"invalidFilter","detail":"..."}</c>.
/// </summary>
/// <param name="Status">The HTTP status code (written as a string on the wire).</param>
/// <param name="ScimType">The RFC 7644 §3.12 table 9 keyword (<c>invalidFilter</c>, <c>uniqueness</c>, ...), or null.</param>
/// <param name="Detail">A sentence a person can act on.</param>
public sealed record ScimError(int Status, string? ScimType, string Detail)
{
    /// <summary>
    /// For a 503 (or 429): how long the client should wait before it retries, sent as <c>Retry-After</c> in whole
    /// seconds (RFC 9110 §10.2.3); null to let the server choose. Not part of the body.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The error body: <c>{"schemas":[Error URN],"status":"404","scimType":...,"detail":...}</c>.</summary>
    /// <returns>A new object; <c>scimType</c> is left out when there is none.</returns>
    public JsonObject ToJson()
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.Error),
            ["status"] = Status.ToString(CultureInfo.InvariantCulture),
        };
        if (ScimType is not null)
        {
            body["scimType"] = ScimType;
        }

        body["detail"] = Detail;
        return body;
    }

    /// <summary>400 <c>invalidFilter</c>: the filter syntax was invalid or the attribute and operator are not supported.</summary>
    public static ScimError InvalidFilter(string detail) => new(400, "invalidFilter", detail);

    /// <summary>400 <c>invalidPath</c>: the PATCH <c>path</c> is not a valid attribute path.</summary>
    public static ScimError InvalidPath(string detail) => new(400, "invalidPath", detail);

    /// <summary>400 <c>invalidSyntax</c>: the request body is not valid SCIM JSON.</summary>
    public static ScimError InvalidSyntax(string detail) => new(400, "invalidSyntax", detail);

    /// <summary>400 <c>invalidValue</c>: a required value is missing or a value has the wrong type or is unknown.</summary>
    public static ScimError InvalidValue(string detail) => new(400, "invalidValue", detail);

    /// <summary>400 <c>noTarget</c>: the PATCH path did not yield a target.</summary>
    public static ScimError NoTarget(string detail) => new(400, "noTarget", detail);

    /// <summary>400 <c>invalidCursor</c> (RFC 9865 §2.3): the cursor is malformed, altered, or belongs to another query or organization.</summary>
    public static ScimError InvalidCursor(string detail) => new(400, "invalidCursor", detail);

    /// <summary>400 <c>expiredCursor</c> (RFC 9865 §2.3): the cursor was valid but is older than <c>cursorTimeout</c>.</summary>
    public static ScimError ExpiredCursor(string detail) => new(400, "expiredCursor", detail);

    /// <summary>400 <c>mutability</c>: the request tried to change a read-only or immutable attribute.</summary>
    public static ScimError Mutability(string detail) => new(400, "mutability", detail);

    /// <summary>409 <c>uniqueness</c>: a unique attribute value is already taken.</summary>
    public static ScimError Uniqueness(string detail) => new(409, "uniqueness", detail);

    /// <summary>404: the resource does not exist in the caller's organization.</summary>
    public static ScimError NotFound(string detail) => new(404, null, detail);

    /// <summary>412: the resource has changed on the server since the version the request names (RFC 7644 §3.12, §3.14; no scimType).</summary>
    public static ScimError PreconditionFailed(string detail) => new(412, null, detail);
}
