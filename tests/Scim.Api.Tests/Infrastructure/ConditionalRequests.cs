using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>Requests with the conditional headers of RFC 7644 §3.14 (sent as written, unchecked by the client) and their ETags.</summary>
public static class ConditionalRequests
{
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>Sends <paramref name="method"/> to <paramref name="uri"/> with <paramref name="header"/>: <paramref name="value"/> and an optional SCIM body.</summary>
    public static async Task<HttpResponseMessage> SendWithAsync(
        this HttpClient client, HttpMethod method, string uri, string header, string value, string? json = null)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = json is null ? null : ScimHttp.Json(json) };
        Assert.True(request.Headers.TryAddWithoutValidation(header, value));
        return await client.SendAsync(request);
    }

    /// <summary>PATCHes <paramref name="uri"/> with <c>If-Match</c>.</summary>
    public static Task<HttpResponseMessage> PatchIfMatchAsync(this HttpClient client, string uri, string ifMatch, string json) =>
        client.SendWithAsync(HttpMethod.Patch, uri, "If-Match", ifMatch, json);

    /// <summary>A PatchOp body that replaces one attribute with a string.</summary>
    public static string Replace(string path, string value) =>
        $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"{{path}}","value":"{{value}}"}]}""";

    /// <summary>A PatchOp body that adds users to a group's members.</summary>
    public static string AddMembers(params string[] ids) =>
        $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"add","path":"members","value":[{{string.Join(",", ids.Select(id => $$"""{"value":"{{id}}"}"""))}}]}]}""";

    /// <summary>The ETag response header as sent, e.g. <c>W/"3"</c>; fails when there is none.</summary>
    public static string ETag(this HttpResponseMessage response)
    {
        Assert.True(response.Headers.ETag is not null, $"{(int)response.StatusCode} without an ETag header");
        return response.Headers.ETag.ToString();
    }

    /// <summary><c>meta.version</c> of a resource.</summary>
    public static string Version(this JsonObject resource) => resource["meta"]!["version"]!.GetValue<string>();

    /// <summary>Asserts 304 Not Modified: no body, and the ETag that was asked about.</summary>
    public static async Task AssertNotModifiedAsync(this HttpResponseMessage response, string etag)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotModified, $"Expected 304 but got {(int)response.StatusCode}: {body}");
        Assert.Empty(body);
        Assert.Equal(etag, response.ETag());
    }

    /// <summary>Asserts the 412 of RFC 7644 §3.12: a SCIM error without scimType.</summary>
    public static async Task<JsonObject> AssertPreconditionFailedAsync(this HttpResponseMessage response)
    {
        var error = await response.AssertScimErrorAsync(HttpStatusCode.PreconditionFailed);
        Assert.Null(error["scimType"]);
        Assert.Contains("If-Match", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        return error;
    }
}
