using System.Text.Json.Nodes;
using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Api.Http;

/// <summary>Turns slice results into HTTP responses: <c>application/scim+json</c>, <c>meta.location</c> and <c>Location</c> filled from the request's base URL.</summary>
public static class ScimResults
{
    /// <summary>200 with the resource, or the SCIM error.</summary>
    public static IResult Ok(Result<JsonObject> result, HttpContext context) =>
        result.IsSuccess ? Json(WithLocations(result.Value!, context), StatusCodes.Status200OK) : Error(result.Error);

    /// <summary>200 with a body that has no failure path (discovery documents).</summary>
    public static IResult Ok(JsonObject body, HttpContext context) => Json(WithLocations(body, context), StatusCodes.Status200OK);

    /// <summary>201 with the resource and a <c>Location</c> header equal to <c>meta.location</c> (RFC 7644 §3.3), or the SCIM error.</summary>
    public static IResult Created(Result<JsonObject> result, HttpContext context)
    {
        if (!result.IsSuccess)
        {
            return Error(result.Error);
        }

        var resource = WithLocations(result.Value!, context);
        context.Response.Headers.Location = resource["meta"]?["location"]?.GetValue<string>();
        return Json(resource, StatusCodes.Status201Created);
    }

    /// <summary>204 No Content, or the SCIM error.</summary>
    public static IResult NoContent(Result<bool> result) => result.IsSuccess ? Results.NoContent() : Error(result.Error);

    /// <summary>The SCIM error body with its status.</summary>
    public static IResult Error(ScimError error) => Json(ScimErrorResponse.Body(error), error.Status);

    private static IResult Json(JsonObject body, int status) =>
        Results.Text(body.ToJsonString(ScimJson.Options), ScimJson.MediaType, System.Text.Encoding.UTF8, status);

    // meta.location is absolute (RFC 7643 §3.1); the slices know only the path under the SCIM base, so the base URL is added here.
    private static JsonObject WithLocations(JsonObject body, HttpContext context)
    {
        var baseUrl = ScimBaseUrl(context);
        if (body["Resources"] is JsonArray resources)
        {
            foreach (var resource in resources.OfType<JsonObject>())
            {
                SetLocation(resource, baseUrl);
            }
        }
        else
        {
            SetLocation(body, baseUrl);
        }

        return body;
    }

    private static void SetLocation(JsonObject resource, string baseUrl)
    {
        if (resource["meta"] is JsonObject meta && meta["location"]?.GetValue<string>() is { } relative && relative.StartsWith('/'))
        {
            meta["location"] = baseUrl + relative;
        }
    }

    /// <summary>The SCIM base URL of this request: scheme, host, path base and the configured SCIM prefix.</summary>
    public static string ScimBaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.RequestServices.GetRequiredService<ScimOptions>().PathBase}";
}
