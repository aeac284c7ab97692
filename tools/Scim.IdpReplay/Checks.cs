using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.IdpReplay;

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
        That(step, response, schemas?.Any(s => Text(s) == ScimMessages.ListResponseSchema) == true,
            "schemas containing the ListResponse URN", "no ListResponse schema");
        var total = body["totalResults"] is JsonValue v && v.TryGetValue<int>(out var t) ? t : (int?)null;
        // An empty list may omit Resources (RFC 7644 §3.4.2); a non-empty one must carry them.
        var resources = (body["Resources"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        That(step, response, total == count, $"totalResults {count}", $"totalResults {total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"}");
        That(step, response, resources.Count == count, $"{count} Resources", $"{resources.Count} Resources");
        return resources;
    }

    /// <summary>
    /// A ListResponse page as Okta reads it while importing (RFC 7644 §3.4.2.4): <c>totalResults</c>, <c>startIndex</c>
    /// and <c>itemsPerPage</c> are JSON integers, <c>startIndex</c> echoes the request, <c>itemsPerPage</c> counts the
    /// Resources, and the page is full unless it is the last. Null when the answer is no list.
    /// </summary>
    public ListPage? Page(string step, ScimResponse response, int startIndex, int count)
    {
        if (response.Status != 200 || response.Object is not { } body)
        {
            return null;
        }

        var schemas = body["schemas"] as JsonArray;
        That(step, response, schemas?.Any(s => Text(s) == ScimMessages.ListResponseSchema) == true,
            "schemas containing the ListResponse URN", "no ListResponse schema");
        var total = Integer(step, response, body, "totalResults");
        var start = Integer(step, response, body, "startIndex");
        var perPage = Integer(step, response, body, "itemsPerPage");
        var resources = (body["Resources"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var full = Math.Clamp(total - startIndex + 1, 0, count);
        That(step, response, start == startIndex, $"startIndex {startIndex}", $"startIndex {start}");
        That(step, response, perPage == resources.Count, $"itemsPerPage {resources.Count} (the Resources sent)", $"itemsPerPage {perPage}");
        That(step, response, resources.Count == full, $"{full} Resources of {total} from {startIndex}", $"{resources.Count} Resources");
        return new ListPage(total, resources);
    }

    /// <summary>
    /// Every attribute of <paramref name="expected"/> (what the provider sent) is read back in <paramref name="actual"/>
    /// with the same value and JSON type: names compare case-insensitively (RFC 7643 §2.1), strings exactly, arrays
    /// element by element in order. <c>null</c>, <c>""</c> and <c>[]</c> mean "no value": the attribute may be absent.
    /// </summary>
    public bool Contains(string step, ScimResponse response, JsonObject expected, JsonObject actual)
    {
        var difference = FirstDifference("", expected, actual);
        return That(step, response, difference is null, difference?.Expected ?? "", difference?.Actual ?? "");
    }

    /// <summary>No <c>password</c> in an answer: it is writeOnly and returned never (RFC 7643 §4.1.1).</summary>
    public void NoPassword(string step, ScimResponse response)
    {
        var password = Property(response.Object, "password");
        That(step, response, password is null, "no password attribute", $"password {password?.ToJsonString()}");
    }

    /// <summary>The exact member set of a group, each member once; <paramref name="names"/> turns ids into readable names.</summary>
    public void Members(string step, ScimResponse response, JsonObject group, IReadOnlyCollection<string> expected, IReadOnlyDictionary<string, string> names)
    {
        var actual = MemberIds(group);
        string Describe(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => names.GetValueOrDefault(id, id)));
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        That(step, response, missing.Count == 0, $"{expected.Count} members incl. {Describe(missing)}", "those missing");
        That(step, response, extra.Count == 0, $"{expected.Count} members", $"unexpected members {Describe(extra)}");
        That(step, response, actual.Count == actual.Distinct(StringComparer.Ordinal).Count(),
            "each member once", $"{actual.Count - actual.Distinct(StringComparer.Ordinal).Count()} duplicate member entries");
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

    private int Integer(string step, ScimResponse response, JsonObject body, string name)
    {
        // Okta reads these as integers and fails an import that sends them as strings.
        var node = body[name];
        var isInteger = node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out _);
        That(step, response, isInteger, $"{name} as a JSON integer", $"{name} {node?.ToJsonString() ?? "(missing)"}");
        return isInteger ? node!.GetValue<int>() : -1;
    }

    private static (string Expected, string Actual)? FirstDifference(string path, JsonNode? expected, JsonNode? actual)
    {
        if (IsNoValue(expected))
        {
            return IsNoValue(actual) ? null : ($"{Describe(path)} without a value", $"{Describe(path)} = {actual!.ToJsonString()}");
        }

        switch (expected)
        {
            case JsonObject wanted when actual is JsonObject found:
                foreach (var (name, value) in wanted)
                {
                    if (FirstDifference(path.Length == 0 ? name : $"{path}.{name}", value, Property(found, name)) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonArray wanted when actual is JsonArray found:
                if (wanted.Count != found.Count)
                {
                    return ($"{Describe(path)} with {wanted.Count} elements", $"{found.Count}: {found.ToJsonString()}");
                }

                for (var i = 0; i < wanted.Count; i++)
                {
                    if (FirstDifference($"{path}[{i}]", wanted[i], found[i]) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValue when actual is JsonValue && JsonNode.DeepEquals(expected, actual):
                return null;
            default:
                return ($"{Describe(path)} = {expected!.ToJsonString()}", $"{Describe(path)} = {actual?.ToJsonString() ?? "(absent)"}");
        }
    }

    private static bool IsNoValue(JsonNode? node) => node switch
    {
        null => true,
        JsonValue value => value.GetValueKind() == JsonValueKind.Null || (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0),
        JsonArray array => array.Count == 0,
        _ => false,
    };

    private static string Describe(string path) => path.Length == 0 ? "the resource" : path;

    private static string Show(string? value) => value is null ? "(absent)" : $"\"{value}\"";
}

/// <summary>One page of a list as a provider reads it: the total it announces and the resources it carries.</summary>
internal sealed record ListPage(int TotalResults, IReadOnlyList<JsonObject> Resources);
