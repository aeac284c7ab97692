using Scim.Api.Http;
using Scim.Protocol;

namespace Scim.Api.Endpoints;

/// <summary>The methods <c>/.search</c> refuses (RFC 7644 §3.4.3 defines it for POST only).</summary>
public static class SearchEndpoints
{
    private static readonly string[] RefusedMethods =
        [HttpMethods.Get, HttpMethods.Head, HttpMethods.Options, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    /// <summary>
    /// Answers GET, HEAD, OPTIONS, PUT, PATCH and DELETE on <c>{resources}/.search</c> with 405 Method Not Allowed, <c>Allow: POST</c>
    /// and a SCIM error body. Without them <c>.search</c> would be read as the id of a resource, and answered 404.
    /// </summary>
    /// <param name="resources">The group of one resource type's endpoints, e.g. <c>/Users</c>.</param>
    public static void MapSearchMethodsNotAllowed(this RouteGroupBuilder resources) =>
        resources.MapMethods("/.search", RefusedMethods, (HttpContext context) =>
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return ScimResults.Error(new ScimError(StatusCodes.Status405MethodNotAllowed, null,
                $"{context.Request.Method} is not supported on {context.Request.Path}: send the SearchRequest with POST (RFC 7644 §3.4.3)."));
        }).ExcludeFromDescription();
}
