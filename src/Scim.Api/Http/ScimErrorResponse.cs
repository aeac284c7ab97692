using Scim.Api.Journal;
using Scim.Api.Observability;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Api.Http;

/// <summary>Writes SCIM error bodies (RFC 7644 §3.12) for every failure, including the framework's own (401, 404, 405, 415, 500).</summary>
public static class ScimErrorResponse
{
    /// <summary>
    /// Writes <paramref name="error"/> as the response, with its status and <c>application/scim+json</c>; a 4xx of a
    /// Users, Groups, Bulk or search endpoint whose key is known (403: a key without the scope) is journaled
    /// (<see cref="FailedRequests"/>).
    /// </summary>
    public static Task WriteAsync(HttpContext context, ScimError error)
    {
        FailedRequests.Record(context, error);
        context.Features.Get<RequestLogFeature>()?.ScimType = error.ScimType;
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = ScimJson.MediaType;
        return context.Response.WriteAsync(error.ToJson().ToJsonString(ScimJson.Options), context.RequestAborted);
    }

    /// <summary>
    /// Sets <c>Retry-After</c> (RFC 9110 §10.2.3) to <paramref name="after"/> in whole seconds, at least 1, unless the
    /// response has one already: the part that refused the request knows best how long to wait.
    /// </summary>
    public static void RetryAfter(HttpResponse response, TimeSpan after)
    {
        if (!response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.RetryAfter))
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The sentence used for a framework status code that has no detail of its own.</summary>
    public static ScimError ForStatus(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status404NotFound when request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase) => ScimError.NotFound(
            $"No administration endpoint at {request.Path}. Endpoints: /admin/organizations, /admin/organizations/{{id}}, "
            + "/admin/organizations/{id}/keys, /admin/organizations/{id}/keys/{keyId}/revoke."),
        StatusCodes.Status404NotFound => ScimError.NotFound($"No SCIM endpoint at {request.Path}. Endpoints: /Users, /Groups, /Bulk, /ServiceProviderConfig, /ResourceTypes, /Schemas."),
        StatusCodes.Status405MethodNotAllowed => new ScimError(status, null, $"{request.Method} is not supported on {request.Path}."),
        StatusCodes.Status415UnsupportedMediaType => new ScimError(status, null, "Send the body as application/scim+json (or application/json)."),
        StatusCodes.Status413PayloadTooLarge => BodyTooLarge(request),
        _ => new ScimError(status, null, $"The request failed with HTTP {status}."),
    };

    // The limit in force for this request (Scim:RequestBodies:MaxSize, 30,000,000 bytes unless configured), so the client
    // knows how far to cut the request down.
    private static ScimError BodyTooLarge(HttpRequest request)
    {
        var limit = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var most = limit is { } bytes
            ? $"the {bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes the server accepts"
            : "what the server accepts";
        return new ScimError(StatusCodes.Status413PayloadTooLarge, null,
            $"The request body is larger than {most} (Scim:RequestBodies:MaxSize); send less in one request: "
            + "group members over several PATCH requests, fewer or shorter attribute values.");
    }
}
