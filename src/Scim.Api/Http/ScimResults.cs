using System.Text.Json.Nodes;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Api.Http;

/// <summary>
/// Turns slice results into HTTP responses: <c>application/scim+json</c> bodies written straight into the response
/// by the body itself (<see cref="ScimBody"/>), with the request's SCIM base URL for <c>meta.location</c> and the
/// <c>Location</c> header of a 201.
/// </summary>
public static class ScimResults
{
    /// <summary>The Content-Type of every SCIM body (RFC 7644 §3.1).</summary>
    public const string ContentType = ScimJson.MediaType + "; charset=utf-8";

    /// <summary>200 with the body, or the SCIM error.</summary>
    public static IResult Ok(Result<ScimBody> result) => result.IsSuccess ? Ok(result.Value!) : Error(result.Error);

    /// <summary>200 with a body that has no failure path (the discovery lists).</summary>
    public static IResult Ok(ScimBody body) => new BodyResult(body, StatusCodes.Status200OK);

    /// <summary>200 with a discovery document (RFC 7644 §4), or the SCIM error.</summary>
    public static IResult Ok(Result<JsonObject> result) => result.IsSuccess ? Ok(result.Value!) : Error(result.Error);

    /// <summary>200 with a discovery document that has no failure path.</summary>
    public static IResult Ok(JsonObject document) => Ok(ScimBody.FromJson(document));

    /// <summary>201 with the resource and a <c>Location</c> header equal to its <c>meta.location</c> (RFC 7644 §3.3), or the SCIM error.</summary>
    public static IResult Created(Result<ScimBody> result) =>
        result.IsSuccess ? new BodyResult(result.Value!, StatusCodes.Status201Created) : Error(result.Error);

    /// <summary>200 with the body, 204 No Content when there is none, or the SCIM error.</summary>
    public static IResult OkOrNoContent(Result<ScimBody?> result) =>
        !result.IsSuccess ? Error(result.Error) : result.Value is { } body ? Ok(body) : Results.NoContent();

    /// <summary>204 No Content, or the SCIM error.</summary>
    public static IResult NoContent(Result<bool> result) => result.IsSuccess ? Results.NoContent() : Error(result.Error);

    /// <summary>The SCIM error body with its status.</summary>
    public static IResult Error(ScimError error) =>
        Results.Text(ScimErrorResponse.Body(error).ToJsonString(ScimJson.Options), ScimJson.MediaType, System.Text.Encoding.UTF8, error.Status);

    /// <summary>The SCIM base URL of this request: scheme, host, path base and the configured SCIM prefix.</summary>
    public static string ScimBaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.RequestServices.GetRequiredService<ScimOptions>().PathBase}";

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

            using var output = new ResponseBodyWriter(response);
            await using (var json = ScimJson.CreateWriter(output))
            {
                await body.WriteAsync(new ScimJsonOutput(json, baseUrl, output.SendAsync), context.RequestAborted);
            }

            await output.CompleteAsync(context.RequestAborted);
        }
    }
}
