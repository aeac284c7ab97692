using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.EntraCycle;

/// <summary>Body checks on SCIM resources and list responses; each failed check is recorded through the sender.</summary>
internal sealed class Checks(ScimRequestSender sender)
{
    /// <summary>A string attribute equals <paramref name="expected"/> exactly (null = absent or null).</summary>
    public bool Equal(string step, ScimResponse response, string attribute, string? expected, JsonNode? actualNode)
    {
        var actual = Text(actualNode);
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return true;
        }

        sender.Fail(step, response, $"{attribute} = {Show(expected)}", $"{attribute} = {Show(actual)}");
        return false;
    }

    /// <summary>A condition holds; otherwise records <paramref name="expected"/> / <paramref name="actual"/>.</summary>
    public bool That(string step, ScimResponse response, bool condition, string expected, string actual)
    {
        if (!condition)
        {
            sender.Fail(step, response, expected, actual);
        }

        return condition;
    }

    /// <summary>A ListResponse with exactly <paramref name="count"/> results; returns its resources.</summary>
    public IReadOnlyList<JsonObject> List(string step, ScimResponse response, int count)
    {
        if (response.Status != 200 || response.Object is not { } body)
        {
            return [];
        }

        var schemas = body["schemas"] as JsonArray;
        That(step, response, schemas?.Any(s => Text(s) == EntraRequests.ListResponseSchema) == true,
            "schemas containing the ListResponse URN", "no ListResponse schema");
        var total = body["totalResults"] is JsonValue v && v.TryGetValue<int>(out var t) ? t : (int?)null;
        // An empty list may omit Resources (RFC 7644 §3.4.2); a non-empty one must carry them.
        var resources = (body["Resources"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        That(step, response, total == count, $"totalResults {count}", $"totalResults {total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"}");
        That(step, response, resources.Count == count, $"{count} Resources", $"{resources.Count} Resources");
        return resources;
    }

    /// <summary>A SCIM error body with <c>"status":"404"</c>: Entra reads a 404 on a user it deletes or looks up by id as "already gone".</summary>
    public void NotFoundError(string step, ScimResponse response)
    {
        var status = response.Object?["status"];
        That(step, response, status is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>() == "404",
            "a SCIM error body with \"status\":\"404\"", $"status {status?.ToJsonString() ?? "(missing)"}");
    }

    /// <summary>The string form of a JSON value; null for absent / null / non-scalar.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>()
        : node is JsonValue other && other.GetValueKind() is not JsonValueKind.Null ? other.ToJsonString() : null;

    /// <summary>The elements of a multi-valued attribute whose <c>type</c> is <paramref name="type"/> (case-insensitive).</summary>
    public static List<JsonObject> OfType(JsonObject resource, string attribute, string type) =>
        (Property(resource, attribute) as JsonArray)?.OfType<JsonObject>()
            .Where(e => string.Equals(Text(Property(e, "type")), type, StringComparison.OrdinalIgnoreCase))
            .ToList() ?? [];

    /// <summary>An attribute by name, case-insensitively (RFC 7643 §2.1).</summary>
    public static JsonNode? Property(JsonObject? resource, string name) =>
        resource?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The <c>value</c> of every element of <c>members</c>.</summary>
    public static List<string> MemberIds(JsonObject group) =>
        (Property(group, "members") as JsonArray)?.OfType<JsonObject>()
            .Select(m => Text(Property(m, "value")) ?? "")
            .ToList() ?? [];

    private static string Show(string? value) => value is null ? "(absent)" : $"\"{value}\"";
}
