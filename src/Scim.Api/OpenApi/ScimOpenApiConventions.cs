using Scim.Api.Http;
using Scim.Application.Common.Resources;
using Scim.Protocol.Patching;

namespace Scim.Api.OpenApi;

/// <summary>
/// OpenAPI metadata for the SCIM operation shapes (RFC 7644 §3): one call per endpoint describes its body, its
/// responses per status (SCIM errors included), and its query parameters and headers. Bodies are still read as raw
/// JSON by <see cref="ScimRequestBody"/>; this metadata only describes them.
/// </summary>
public static class ScimOpenApiConventions
{
    /// <summary>The media types of SCIM request and response bodies, preferred first (RFC 7644 §3.1).</summary>
    public static readonly string[] MediaTypes = [ScimJson.MediaType, "application/json"];

    /// <summary>
    /// POST of a new resource: 201 with the resource (as <c>attributes</c> / <c>excludedAttributes</c> select it) and a
    /// <c>Location</c> header; 409 when a unique value is taken.
    /// </summary>
    public static RouteHandlerBuilder CreatesResource<TResource>(this RouteHandlerBuilder builder)
        where TResource : notnull => builder
        .AcceptsScim<TResource>()
        .ProducesScim<TResource>(StatusCodes.Status201Created)
        .WithMetadata(ScimParameters.Location, ScimParameters.CreatedETag)
        .WithMetadata(ScimParameters.Attributes, ScimParameters.ExcludedAttributes)
        .ProducesScimErrors(400, 401, 403, 409);

    /// <summary>GET of one resource by id, with <c>attributes</c> / <c>excludedAttributes</c>; 304 for <c>If-None-Match</c>.</summary>
    public static RouteHandlerBuilder ReturnsResource<TResource>(this RouteHandlerBuilder builder) => builder
        .ProducesScim<TResource>(StatusCodes.Status200OK)
        .Produces(StatusCodes.Status304NotModified)
        .WithMetadata(ScimParameters.Attributes, ScimParameters.ExcludedAttributes, ScimParameters.IfNoneMatch, ScimParameters.ETag, ScimParameters.NotModifiedETag)
        .ProducesScimErrors(400, 401, 403, 404);

    /// <summary>GET of a filtered, paged list: a ListResponse of <typeparamref name="TResource"/>.</summary>
    public static RouteHandlerBuilder ListsResources<TResource>(this RouteHandlerBuilder builder) => builder
        .ProducesScim<ScimListResponse<TResource>>(StatusCodes.Status200OK)
        .WithMetadata(ScimParameters.ListParameters)
        .ProducesScimErrors(400, 401, 403)
        .MayBeExpensive();

    /// <summary>
    /// GET / (a search of the root, RFC 7644 §3.4.2): a ListResponse of users and groups, paged by <c>startIndex</c>
    /// across both; <c>sortBy</c> and <c>cursor</c> are 400 there, so the document leaves them out.
    /// </summary>
    public static RouteHandlerBuilder ListsAllResources(this RouteHandlerBuilder builder) => builder
        .ProducesScim<ScimListResponse<ScimResource>>(StatusCodes.Status200OK)
        .WithMetadata(ScimParameters.RootListParameters)
        .ProducesScimErrors(400, 401, 403)
        .MayBeExpensive();

    /// <summary>POST /.search with a SearchRequest body: a ListResponse of <typeparamref name="TResource"/>.</summary>
    public static RouteHandlerBuilder SearchesResources<TResource>(this RouteHandlerBuilder builder)
        where TResource : notnull => builder
        .AcceptsScim<SearchRequest>()
        .ProducesScim<ScimListResponse<TResource>>(StatusCodes.Status200OK)
        .ProducesScimErrors(400, 401, 403)
        .MayBeExpensive();

    /// <summary>
    /// PUT: replaces the resource and returns it, as <c>attributes</c> / <c>excludedAttributes</c> select it; 412 for a
    /// version <c>If-Match</c> does not name.
    /// </summary>
    public static RouteHandlerBuilder ReplacesResource<TResource>(this RouteHandlerBuilder builder)
        where TResource : notnull => builder
        .AcceptsScim<TResource>()
        .ProducesScim<TResource>(StatusCodes.Status200OK)
        .WithMetadata(ScimParameters.IfMatch, ScimParameters.ETag)
        .WithMetadata(ScimParameters.Attributes, ScimParameters.ExcludedAttributes)
        .ProducesScimErrors(400, 401, 403, 404, 409, 412);

    /// <summary>
    /// PATCH with a PatchOp body that returns the patched resource (200), as <c>attributes</c> /
    /// <c>excludedAttributes</c> select it; 412 for a version <c>If-Match</c> does not name.
    /// </summary>
    public static RouteHandlerBuilder PatchesResource<TResource>(this RouteHandlerBuilder builder)
        where TResource : notnull => builder
        .AcceptsScim<PatchRequest>()
        .ProducesScim<TResource>(StatusCodes.Status200OK)
        .WithMetadata(ScimParameters.IfMatch, ScimParameters.ETag)
        .WithMetadata(ScimParameters.Attributes, ScimParameters.ExcludedAttributes)
        .ProducesScimErrors(400, 401, 403, 404, 409, 412)
        .MayBeExpensive();

    /// <summary>
    /// PATCH with a PatchOp body that answers 204 No Content with the new <c>ETag</c>; 412 as
    /// <see cref="PatchesResource{TResource}"/>. The server also answers 200 with the patched resource when the request
    /// has <c>attributes</c> or <c>excludedAttributes</c> (RFC 7644 §3.5.2); the document leaves that out, because a
    /// generated client takes one success body per operation and would then treat the 204 as a failure.
    /// </summary>
    public static RouteHandlerBuilder PatchesResourceWithoutBody(this RouteHandlerBuilder builder) => builder
        .AcceptsScim<PatchRequest>()
        .Produces(StatusCodes.Status204NoContent)
        .WithMetadata(ScimParameters.IfMatch, ScimParameters.ChangedETag)
        .ProducesScimErrors(400, 401, 403, 404, 409, 412)
        .MayBeExpensive();

    /// <summary>DELETE: 204 No Content; 412 for a version <c>If-Match</c> does not name, 400 for a malformed one.</summary>
    public static RouteHandlerBuilder DeletesResource(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status204NoContent)
        .WithMetadata(ScimParameters.IfMatch)
        .ProducesScimErrors(400, 401, 403, 404, 412);

    /// <summary>POST /Bulk: a BulkRequest answered 200 with a BulkResponse; 413 beyond <c>bulk.maxOperations</c> or <c>bulk.maxPayloadSize</c>.</summary>
    public static RouteHandlerBuilder ProcessesBulk(this RouteHandlerBuilder builder) => builder
        .AcceptsScim<ScimBulkRequest>()
        .ProducesScim<ScimBulkResponse>(StatusCodes.Status200OK)
        .ProducesScimErrors(400, 401, 403, 413)
        .MayBeExpensive();

    /// <summary>A discovery document (RFC 7644 §4); <paramref name="errorStatuses"/> beyond 401/403, e.g. 404 for a lookup by id.</summary>
    public static RouteHandlerBuilder ReturnsDiscovery<TDocument>(this RouteHandlerBuilder builder, params int[] errorStatuses) => builder
        .ProducesScim<TDocument>(StatusCodes.Status200OK)
        .ProducesScimErrors([401, 403, .. errorStatuses]);

    private static RouteHandlerBuilder AcceptsScim<TBody>(this RouteHandlerBuilder builder)
        where TBody : notnull =>
        builder.Accepts<TBody>(MediaTypes[0], MediaTypes[1..]);

    private static RouteHandlerBuilder ProducesScim<TBody>(this RouteHandlerBuilder builder, int status) =>
        builder.Produces<TBody>(status, MediaTypes[0], MediaTypes[1..]);

    /// <summary>
    /// 503 with <c>Retry-After</c> and a SCIM error, and the <c>Retry-After</c> of the 429 beside it: an operation that may be expensive work (a list, search, bulk request or
    /// PATCH) is refused while its organization has too many of them running (<c>Scim:RateLimits:ExpensiveConcurrency</c>),
    /// and a list whose query runs over its time budget (<c>Scim:RateLimits:ListQuerySeconds</c>) is cancelled.
    /// </summary>
    private static RouteHandlerBuilder MayBeExpensive(this RouteHandlerBuilder builder) => builder
        .ProducesScimErrors(StatusCodes.Status503ServiceUnavailable)
        .WithMetadata(ScimParameters.UnavailableRetryAfter, ScimParameters.TooManyRequestsRetryAfter);

    /// <summary>
    /// SCIM error bodies (RFC 7644 §3.12, <c>application/scim+json</c>) for each of <paramref name="statuses"/>, and 429
    /// (with <c>Retry-After</c>) beside 401: a request that authenticates may meet a rate limit (<see cref="Limits.ScimRateLimits"/>).
    /// </summary>
    public static RouteHandlerBuilder ProducesScimErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses.Contains(StatusCodes.Status401Unauthorized) ? [.. statuses, StatusCodes.Status429TooManyRequests] : statuses)
        {
            builder.Produces<ScimErrorDocument>(status, MediaTypes[0], MediaTypes[1..]);
        }

        return builder;
    }
}
