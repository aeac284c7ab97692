using System.Text.Json.Nodes;

namespace Scim.Protocol.Projection;

/// <summary>
/// The <c>attributes</c> and <c>excludedAttributes</c> query parameters (RFC 7644 §3.4.2.5, §3.9): comma-separated
/// attribute paths such as <c>userName</c>, <c>name.givenName</c>, <c>emails.value</c>,
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department</c> or a whole extension URN.
/// Names match case-insensitively. <c>id</c> and <c>schemas</c> are always returned.
/// </summary>
public sealed class AttributeProjection
{
    private static readonly string[] AlwaysReturned = ["id", "schemas"];

    private readonly List<string[]> included;
    private readonly List<string[]> excluded;

    private AttributeProjection(List<string[]> included, List<string[]> excluded)
    {
        this.included = included;
        this.excluded = excluded;
    }

    /// <summary>The projection that returns the default attribute set.</summary>
    public static AttributeProjection Default { get; } = new([], []);

    /// <summary>Parses both parameters; the lists may also come from a SearchRequest body (RFC 7644 §3.4.3).</summary>
    /// <param name="attributes">Attribute paths to return, or empty.</param>
    /// <param name="excludedAttributes">Attribute paths to leave out, or empty.</param>
    /// <param name="coreSchemaUri">The resource's core schema URN; paths qualified with it are treated as unqualified.</param>
    public static AttributeProjection Parse(IEnumerable<string> attributes, IEnumerable<string> excludedAttributes, string coreSchemaUri) =>
        new(Split(attributes, coreSchemaUri), Split(excludedAttributes, coreSchemaUri));

    /// <summary>
    /// Whether top-level attribute <paramref name="name"/> (e.g. <c>members</c>) will be in the output, so a
    /// handler can avoid loading what nobody asked for.
    /// </summary>
    public bool Includes(string name)
    {
        if (excluded.Any(p => p.Length == 1 && Same(p[0], name)))
        {
            return false;
        }

        return included.Count == 0 || included.Any(p => Same(p[0], name)) || AlwaysReturned.Any(a => Same(a, name));
    }

    /// <summary>Removes from <paramref name="resource"/> what the parameters leave out, in place, and returns it.</summary>
    public JsonObject Apply(JsonObject resource)
    {
        if (included.Count > 0)
        {
            foreach (var key in resource.Select(p => p.Key).ToList())
            {
                if (AlwaysReturned.Any(a => Same(a, key)))
                {
                    continue;
                }

                var paths = included.Where(p => Same(p[0], key)).ToList();
                if (paths.Count == 0)
                {
                    resource.Remove(key);
                }
                else if (paths.All(p => p.Length > 1))
                {
                    KeepOnly(resource[key], paths.Select(p => p[1]).ToList());
                    RemoveIfEmpty(resource, key);
                }
            }
        }

        foreach (var path in excluded)
        {
            var key = resource.Select(p => p.Key).FirstOrDefault(k => Same(k, path[0]));
            if (key is null || AlwaysReturned.Any(a => Same(a, key)))
            {
                continue;
            }

            if (path.Length == 1)
            {
                resource.Remove(key);
            }
            else
            {
                Remove(resource[key], path[1]);
            }
        }

        return resource;
    }

    private static void KeepOnly(JsonNode? node, List<string> subAttributes)
    {
        foreach (var obj in Objects(node))
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => !subAttributes.Any(s => Same(s, k))).ToList())
            {
                obj.Remove(key);
            }
        }
    }

    // Asking for sub-attributes a value does not have leaves nothing to return, not "{}" or "[{}]" (RFC 7643 §2.5:
    // unassigned attributes are omitted).
    private static void RemoveIfEmpty(JsonObject resource, string key)
    {
        if (resource[key] is JsonArray array)
        {
            foreach (var empty in array.OfType<JsonObject>().Where(o => o.Count == 0).ToList())
            {
                array.Remove(empty);
            }
        }

        if (resource[key] is JsonObject { Count: 0 } or JsonArray { Count: 0 })
        {
            resource.Remove(key);
        }
    }

    private static void Remove(JsonNode? node, string subAttribute)
    {
        foreach (var obj in Objects(node))
        {
            var key = obj.Select(p => p.Key).FirstOrDefault(k => Same(k, subAttribute));
            if (key is not null)
            {
                obj.Remove(key);
            }
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj],
        JsonArray array => array.OfType<JsonObject>(),
        _ => [],
    };

    // Each path becomes [topLevelKey] or [topLevelKey, subKey]; an extension attribute becomes [extensionUrn, attribute].
    private static List<string[]> Split(IEnumerable<string> lists, string coreSchemaUri)
    {
        var paths = new List<string[]>();
        foreach (var raw in lists.SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var path = raw;
            if (path.StartsWith(coreSchemaUri + ":", StringComparison.OrdinalIgnoreCase))
            {
                path = path[(coreSchemaUri.Length + 1)..];
            }

            if (path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            {
                var colon = path.LastIndexOf(':');
                var attribute = path[(colon + 1)..];
                // "urn:...:enterprise:2.0:User" names the whole extension; its last segment starts upper-case by convention
                // and never names an attribute, so only treat the tail as an attribute when it has no upper-case first letter.
                paths.Add(attribute.Length > 0 && char.IsLower(attribute[0])
                    ? [path[..colon], attribute.Split('.')[0]]
                    : [path]);
                continue;
            }

            var dot = path.IndexOf('.', StringComparison.Ordinal);
            paths.Add(dot < 0 ? [path] : [path[..dot], path[(dot + 1)..]]);
        }

        return paths;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
