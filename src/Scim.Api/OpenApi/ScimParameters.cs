using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors.Contexts;

namespace Scim.Api.OpenApi;

/// <summary>A query parameter or request header that an operation documents (attached as endpoint metadata).</summary>
/// <param name="Name">The parameter's name on the wire.</param>
/// <param name="Kind">Query or header.</param>
/// <param name="Type">The JSON type of its value.</param>
/// <param name="Description">What it does, or that it is ignored today.</param>
/// <param name="Format">The format of its value (<c>date-time</c>, <c>uuid</c>), if it has one.</param>
/// <param name="Values">
/// A type whose schema the value has, referenced from the document (an enum the answers use too, so that a generated
/// client takes the same type); null for a plain <paramref name="Type"/>.
/// </param>
public sealed record ScimParameterMetadata(
    string Name, OpenApiParameterKind Kind, JsonObjectType Type, string Description, string? Format = null, Type? Values = null)
{
    /// <summary>
    /// Puts the parameters and response headers an endpoint documents (<see cref="ScimParameterMetadata"/>,
    /// <see cref="ScimResponseHeaderMetadata"/>) into its operation: the documented query parameters replace the ones
    /// inferred from the handler's signature, which takes them as text to answer a bad one with a SCIM error.
    /// </summary>
    /// <param name="context">The operation being generated.</param>
    /// <param name="metadata">The endpoint's metadata.</param>
    internal static void Apply(OperationProcessorContext context, IEnumerable<object> metadata)
    {
        var operation = context.OperationDescription.Operation;
        foreach (var inferred in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToList())
        {
            operation.Parameters.Remove(inferred);
        }

        foreach (var parameter in metadata.OfType<ScimParameterMetadata>())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                Kind = parameter.Kind,
                Description = parameter.Description,
                IsRequired = false,
                Schema = parameter.Values is { } values
                    ? context.SchemaGenerator.GenerateWithReference<JsonSchema>(values.ToContextualType(), context.SchemaResolver)
                    : new JsonSchema { Type = parameter.Type, Format = parameter.Format },

                // The name generated clients give the argument: ifMatch rather than if_Match.
                OriginalName = parameter.Kind == OpenApiParameterKind.Header ? char.ToLowerInvariant(parameter.Name[0]) + parameter.Name[1..].Replace("-", "", StringComparison.Ordinal) : null,
            });
        }

        foreach (var header in metadata.OfType<ScimResponseHeaderMetadata>())
        {
            if (operation.Responses.TryGetValue(header.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
            {
                response.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = new JsonSchema { Type = JsonObjectType.String } };
            }
        }
    }
}

/// <summary>A response header that an operation documents for one status (attached as endpoint metadata).</summary>
/// <param name="Status">The response status the header comes with.</param>
/// <param name="Name">The header's name.</param>
/// <param name="Description">What it carries, or that it is not sent today.</param>
public sealed record ScimResponseHeaderMetadata(int Status, string Name, string Description);

/// <summary>The SCIM query parameters and headers (RFC 7644 §3.4.2, §3.14), each described once.</summary>
public static class ScimParameters
{
    private const string ETagValue = "The resource's version as a weak entity tag, e.g. W/\"7\", equal to its meta.version (RFC 7644 §3.14)";

    /// <summary><c>filter</c> (RFC 7644 §3.4.2.2).</summary>
    public static readonly ScimParameterMetadata Filter = Query("filter", JsonObjectType.String,
        "A filter expression (RFC 7644 §3.4.2.2), e.g. userName eq \"bjensen\" or emails[type eq \"work\"].value co \"@example.com\". Invalid filters get 400 invalidFilter.");

    /// <summary><c>sortBy</c> (RFC 7644 §3.4.2.3).</summary>
    public static readonly ScimParameterMetadata SortBy = Query("sortBy", JsonObjectType.String,
        "The attribute to sort by (RFC 7644 §3.4.2.3), e.g. userName or meta.lastModified; any other than the sortable ones is 400 invalidValue naming them. "
        + "Without it: creation time, then id.");

    /// <summary><c>sortOrder</c> (RFC 7644 §3.4.2.3).</summary>
    public static readonly ScimParameterMetadata SortOrder = Query("sortOrder", JsonObjectType.String,
        "ascending (the default) or descending; resources without a value come last ascending and first descending.");

    /// <summary><c>startIndex</c> (RFC 7644 §3.4.2.4).</summary>
    public static readonly ScimParameterMetadata StartIndex = Query("startIndex", JsonObjectType.Integer,
        "The 1-based index of the first result (default 1; values below 1 are read as 1).");

    /// <summary><c>count</c> (RFC 7644 §3.4.2.4).</summary>
    public static readonly ScimParameterMetadata Count = Query("count", JsonObjectType.Integer,
        "The maximum number of results on the page (default and maximum 200; 0 returns only totalResults).");

    /// <summary><c>cursor</c> (RFC 9865).</summary>
    public static readonly ScimParameterMetadata Cursor = Query("cursor", JsonObjectType.String,
        "Cursor paging (RFC 9865): empty for the first page, then the nextCursor of the page before, with the same filter and sort. "
        + "Not with startIndex. 400 invalidCursor or expiredCursor when it cannot be used.");

    /// <summary><c>attributes</c> (RFC 7644 §3.9).</summary>
    public static readonly ScimParameterMetadata Attributes = Query("attributes", JsonObjectType.String,
        "Comma-separated attribute names to return (plus those always returned), e.g. userName,emails.");

    /// <summary><c>excludedAttributes</c> (RFC 7644 §3.9).</summary>
    public static readonly ScimParameterMetadata ExcludedAttributes = Query("excludedAttributes", JsonObjectType.String,
        "Comma-separated attribute names to leave out of the response, e.g. members.");

    /// <summary><c>If-Match</c> (RFC 7644 §3.14): the request applies only to the versions it names.</summary>
    public static readonly ScimParameterMetadata IfMatch = new("If-Match", OpenApiParameterKind.Header, JsonObjectType.String,
        "Apply the request only while the resource has this version: its meta.version (ETag header) as read, e.g. W/\"7\" "
        + "(the weak and the strong form \"7\" both match), several separated by commas, or * for any. Another version is 412 "
        + "and nothing is changed; a value that is not a list of entity tags is 400. Without it the request applies to any version.");

    /// <summary><c>If-None-Match</c> (RFC 7644 §3.14): 304 while the resource still has a version it names.</summary>
    public static readonly ScimParameterMetadata IfNoneMatch = new("If-None-Match", OpenApiParameterKind.Header, JsonObjectType.String,
        "Answer 304 Not Modified (no body) while the resource still has this version, e.g. W/\"7\" or *, provided the "
        + "attributes asked for all follow from the version: for a User leave out groups (and manager.displayName when it has a "
        + "manager), for a Group members.display (e.g. excludedAttributes=members); otherwise the resource is returned.");

    /// <summary>The <c>ETag</c> header of a 200 with one resource.</summary>
    public static readonly ScimResponseHeaderMetadata ETag = new(StatusCodes.Status200OK, "ETag", ETagValue + ".");

    /// <summary>The <c>ETag</c> header of a 201.</summary>
    public static readonly ScimResponseHeaderMetadata CreatedETag = new(StatusCodes.Status201Created, "ETag", ETagValue + ".");

    /// <summary>The <c>ETag</c> header of a 204 after a change.</summary>
    public static readonly ScimResponseHeaderMetadata ChangedETag = new(StatusCodes.Status204NoContent, "ETag",
        ETagValue + ", after the change.");

    /// <summary>The <c>ETag</c> header of a 304.</summary>
    public static readonly ScimResponseHeaderMetadata NotModifiedETag = new(StatusCodes.Status304NotModified, "ETag",
        ETagValue + ": the version If-None-Match named.");

    /// <summary>The <c>Location</c> header of a 201 response.</summary>
    public static readonly ScimResponseHeaderMetadata Location = new(StatusCodes.Status201Created, "Location",
        "The URL of the created resource (equal to meta.location).");

    /// <summary>The <c>Retry-After</c> header of a 429 (RFC 6585 §4, RFC 9110 §10.2.3).</summary>
    public static readonly ScimResponseHeaderMetadata TooManyRequestsRetryAfter = new(StatusCodes.Status429TooManyRequests, "Retry-After",
        "Whole seconds to wait before the next request: the organization's requests per second are used up.");

    /// <summary>The <c>Retry-After</c> header of a 503 (RFC 9110 §10.2.3).</summary>
    public static readonly ScimResponseHeaderMetadata UnavailableRetryAfter = new(StatusCodes.Status503ServiceUnavailable, "Retry-After",
        "Whole seconds to wait before retrying: the organization has too many expensive requests running (Scim:RateLimits:ExpensiveConcurrency), "
        + "or the list query ran longer than the server allows (Scim:RateLimits:ListQuerySeconds).");

    /// <summary>Every query parameter of a list request, in RFC order.</summary>
    public static readonly object[] ListParameters = [Filter, SortBy, SortOrder, StartIndex, Count, Cursor, Attributes, ExcludedAttributes];

    /// <summary>The query parameters a search of the root takes: those of a list but sortBy, sortOrder and cursor (400 there).</summary>
    public static readonly object[] RootListParameters = [Filter, StartIndex, Count, Attributes, ExcludedAttributes];

    private static ScimParameterMetadata Query(string name, JsonObjectType type, string description) =>
        new(name, OpenApiParameterKind.Query, type, description);
}
