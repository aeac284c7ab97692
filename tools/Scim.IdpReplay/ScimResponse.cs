using System.Text.Json.Nodes;

namespace Scim.IdpReplay;

/// <summary>One answer of the server, read in full.</summary>
internal sealed record ScimResponse(string Method, string Path, int Status, string? ContentType, string Body, JsonNode? Json, Uri? Location)
{
    /// <summary>Method and relative path, as reported in failures.</summary>
    public string Request => $"{Method} {Path}";

    /// <summary>A 2xx answer.</summary>
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The body as an object, or null.</summary>
    public JsonObject? Object => Json as JsonObject;

    /// <summary>The start of the body, for failure reports.</summary>
    public string Excerpt => Body.Length <= 300 ? Body : Body[..300] + "…";
}
