using System.Text.Json.Nodes;
using Scim.Api.Journal;
using Scim.Api.Observability;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Groups;
using Scim.Protocol;

namespace Scim.Api.Http;

/// <summary>
/// Turns slice results into HTTP responses: <c>application/scim+json</c> bodies written straight into the response
/// by the body itself (<see cref="ScimBody"/>), with the request's SCIM base URL for <c>meta.location</c>, the
/// <c>Location</c> header of a 201, and the <c>ETag</c> header (equal to <c>meta.version</c>, RFC 7644 §3.14) of every
/// answer that is one user or group.
/// </summary>
public static class ScimResults
{
    /// <summary>The Content-Type of every SCIM body (RFC 7644 §3.1).</summary>
    public const string ContentType = ScimJson.MediaType + "; charset=utf-8";

    /// <summary>200 with the body, or the SCIM error.</summary>
    public static IResult Ok(Result<ScimBody> result) => result.IsSuccess ? Ok(result.Value!) : Error(result.Error);

    /// <summary>
    /// 200 with the body, or 304 Not Modified with only its <c>ETag</c> when <paramref name="ifNoneMatch"/> names the
    /// resource's version and the body is all covered by it (<see cref="ScimBody.IsCoveredByVersion"/>; otherwise what
    /// the client holds may differ, and it gets the body); or the SCIM error.
    /// </summary>
    public static IResult Ok(Result<ScimBody> result, ETagCondition? ifNoneMatch) =>
        result.IsSuccess && ifNoneMatch is not null && result.Value!.Version is { } version && result.Value.IsCoveredByVersion && ifNoneMatch.Matches(version)
            ? new EmptyResult(StatusCodes.Status304NotModified, version)
            : Ok(result);

    /// <summary>200 with a body that has no failure path (the discovery lists).</summary>
    public static IResult Ok(ScimBody body) => new BodyResult(body, StatusCodes.Status200OK);

    /// <summary>200 with a discovery document (RFC 7644 §4), or the SCIM error.</summary>
    public static IResult Ok(Result<JsonObject> result) => result.IsSuccess ? Ok(result.Value!) : Error(result.Error);

    /// <summary>200 with a discovery document that has no failure path.</summary>
    public static IResult Ok(JsonObject document) => Ok(ScimBody.FromJson(document));

    /// <summary>201 with the resource and a <c>Location</c> header equal to its <c>meta.location</c> (RFC 7644 §3.3), or the SCIM error.</summary>
    public static IResult Created(Result<ScimBody> result) =>
        result.IsSuccess ? new BodyResult(result.Value!, StatusCodes.Status201Created) : Error(result.Error);

    /// <summary>
    /// 200 with the patched group when the request asked for attributes, otherwise 204 No Content with the <c>ETag</c> of
    /// its new version; or the SCIM error.
    /// </summary>
    public static IResult OkOrNoContent(Result<PatchGroup.Answer> result) =>
        !result.IsSuccess ? Error(result.Error)
        : result.Value!.Group is { } body ? Ok(body)
        : new EmptyResult(StatusCodes.Status204NoContent, result.Value.Version);

    /// <summary>204 No Content, or the SCIM error.</summary>
    public static IResult NoContent(Result<bool> result) => result.IsSuccess ? Results.NoContent() : Error(result.Error);

    /// <summary>The SCIM error body with its status; a 4xx of a Users, Groups, Bulk or search endpoint is journaled (<see cref="FailedRequests"/>).</summary>
    public static IResult Error(ScimError error) => new ErrorResult(error);

    /// <summary>
    /// The SCIM base URL (RFC 7644 §3.2): <c>Scim:PublicBaseUrl</c> when it is set, else this request's scheme, host and
    /// path base (those a trusted proxy forwarded, see <see cref="TrustedProxies"/>); then the configured SCIM prefix.
    /// </summary>
    public static string ScimBaseUrl(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<ScimOptions>();
        return options.PublicBaseUrl.Length > 0
            ? options.PublicBaseUrl.TrimEnd('/') + options.PathBase
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{options.PathBase}";
    }

    private sealed class ErrorResult(ScimError error) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            FailedRequests.Record(context, error);
            context.Features.Get<RequestLogFeature>()?.ScimType = error.ScimType;
            if (error.RetryAfter is not null || error.Status == StatusCodes.Status503ServiceUnavailable)
            {
                // The refusal's own wait (a large body's slot, the organization's expensive work, its token bucket) if it
                // named one; else a list query over its time budget: the server may be busy about as long again.
                ScimErrorResponse.RetryAfter(context.Response, error.RetryAfter ?? context.RequestServices.GetRequiredService<ListQueryBudget>().Limit);
            }

            return Results.Text(error.ToJson().ToJsonString(ScimJson.Options), ScimJson.MediaType, System.Text.Encoding.UTF8, error.Status)
                .ExecuteAsync(context);
        }
    }

    // A status without a body that carries the resource's ETag (204 after a change, 304).
    private sealed class EmptyResult(int status, long version) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.ETag = ETag.Of(version);
            return Task.CompletedTask;
        }
    }

    private sealed class BodyResult(ScimBody body, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            var baseUrl = ScimBaseUrl(context);
            response.StatusCode = status;
            response.ContentType = ContentType;
            if (status == StatusCodes.Status201Created)
            {
                response.Headers.Location = baseUrl + body.ResourcePath;
            }

            if (body.Version is { } version)
            {
                response.Headers.ETag = ETag.Of(version);
            }

            using var output = new ResponseBodyWriter(response);
            await using (var json = ScimJson.CreateWriter(output))
            {
                await body.WriteAsync(new ScimJsonOutput(json, baseUrl, output.SendAsync), context.RequestAborted);
            }

            await output.CompleteAsync(context.RequestAborted);
        }
    }
}
