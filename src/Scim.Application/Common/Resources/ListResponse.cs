using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Application.Common.Resources;

/// <summary>Builds the ListResponse message (RFC 7644 §3.4.2): <c>totalResults</c>, <c>startIndex</c>, <c>itemsPerPage</c>, <c>Resources</c>.</summary>
public static class ListResponse
{
    /// <summary>A ListResponse of already projected resources.</summary>
    public static JsonObject Create(IReadOnlyList<JsonObject> resources, int totalResults, int startIndex) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.ListResponse),
        ["totalResults"] = totalResults,
        ["startIndex"] = startIndex,
        ["itemsPerPage"] = resources.Count,
        ["Resources"] = new JsonArray([.. resources]),
    };
}
