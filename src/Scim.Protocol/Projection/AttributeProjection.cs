using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Projection;

/// <summary>
/// The <c>attributes</c> and <c>excludedAttributes</c> query parameters (RFC 7644 §3.4.2.5, §3.9): comma-separated
/// attribute paths resolved by <see cref="AttributePathResolver"/>, so they take the same spellings as PATCH paths and
/// body keys: <c>userName</c>, <c>name.givenName</c>, <c>emails.value</c>,
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department</c>, a whole extension URN, and so on.
/// A path that is malformed or names nothing selects nothing. <c>schemas</c> and the attributes whose
/// <c>returned</c> is <c>always</c> (<c>id</c>) are always returned (RFC 7643 §7).
/// </summary>
public sealed class AttributeProjection
{
    // Each selected value is kept as the chain of JSON member names that leads to it in a resource:
    // ["name", "givenName"], or [extension URN, "manager", "value"] for an extension attribute.
    private readonly List<string[]>? included;
    private readonly List<string[]> excluded;

    private AttributeProjection(List<string[]>? included, List<string[]> excluded)
    {
        this.included = included;
        this.excluded = excluded;
    }

    /// <summary>The projection that returns the default attribute set.</summary>
    public static AttributeProjection Default { get; } = new(null, []);

    /// <summary>Parses both parameters; the lists may also come from a SearchRequest body (RFC 7644 §3.4.3).</summary>
    /// <param name="attributes">Attribute paths to return, or empty.</param>
    /// <param name="excludedAttributes">Attribute paths to leave out, or empty.</param>
    /// <param name="type">The resource type the paths are resolved against.</param>
    public static AttributeProjection Parse(IEnumerable<string> attributes, IEnumerable<string> excludedAttributes, ResourceTypeDefinition type)
    {
        var requested = Paths(attributes);

        // attributes=foo still asks for foo alone: naming only unknown attributes leaves just those always returned.
        var included = requested.Count == 0
            ? null
            : Resolve(requested, type).Concat(AlwaysReturned(type)).Select(r => Location(r, type)).ToList();
        var excluded = Resolve(Paths(excludedAttributes), type).Where(r => !IsAlwaysReturned(r)).Select(r => Location(r, type)).ToList();
        return new AttributeProjection(included, excluded);
    }

    /// <summary>
    /// Whether top-level member <paramref name="name"/> of a resource (e.g. <c>members</c>) will be in the output, so a
    /// handler can avoid loading what nobody asked for.
    /// </summary>
    public bool Includes(string name)
    {
        if (excluded.Any(p => p.Length == 1 && Same(p[0], name)))
        {
            return false;
        }

        return included is null || included.Any(p => Same(p[0], name));
    }

    /// <summary>Removes from <paramref name="resource"/> what the parameters leave out, in place, and returns it.</summary>
    public JsonObject Apply(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (included is not null)
        {
            KeepOnly(resource, included, 0);
        }

        foreach (var location in excluded)
        {
            Remove(resource, location, 0);
        }

        return resource;
    }

    private static List<string> Paths(IEnumerable<string> lists) =>
        lists.SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static IEnumerable<AttributeReference> Resolve(List<string> paths, ResourceTypeDefinition type) =>
        paths.Select(p => AttributePathResolver.Resolve(p, type).Value).OfType<AttributeReference>();

    private static IEnumerable<AttributeReference> AlwaysReturned(ResourceTypeDefinition type) =>
        type.AllSchemas
            .SelectMany(s => (s == type.Schema ? s.Attributes.Concat(CommonAttributes.All) : s.Attributes)
                .Select(a => new AttributeReference(AttributeReferenceKind.Attribute, s, a)))
            .Where(IsAlwaysReturned)
            .Prepend(new AttributeReference(AttributeReferenceKind.Schemas, type.Schema));

    private static bool IsAlwaysReturned(AttributeReference reference) =>
        reference.Kind == AttributeReferenceKind.Schemas || reference.Attribute?.Returned == Returned.Always;

    private static string[] Location(AttributeReference reference, ResourceTypeDefinition type)
    {
        var names = new List<string>();
        if (reference.Schema != type.Schema)
        {
            names.Add(reference.Schema.Id);
        }

        if (reference.Kind == AttributeReferenceKind.Schemas)
        {
            names.Add(AttributePathResolver.SchemasAttributeName);
        }

        if (reference.Attribute is not null)
        {
            names.Add(reference.Attribute.Name);
        }

        if (reference.SubAttribute is not null)
        {
            names.Add(reference.SubAttribute.Name);
        }

        return [.. names];
    }

    /// <summary>Keeps in <paramref name="obj"/> only the members some location passes through at <paramref name="depth"/>.</summary>
    private static void KeepOnly(JsonObject obj, List<string[]> locations, int depth)
    {
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            var through = locations.Where(l => Same(l[depth], key)).ToList();
            if (through.Count == 0)
            {
                obj.Remove(key);
            }
            else if (through.All(l => l.Length > depth + 1))
            {
                foreach (var inner in Objects(obj[key]))
                {
                    KeepOnly(inner, through, depth + 1);
                }

                RemoveIfEmpty(obj, key);
            }
        }
    }

    private static void Remove(JsonObject obj, string[] location, int depth)
    {
        var key = obj.Select(p => p.Key).FirstOrDefault(k => Same(k, location[depth]));
        if (key is null)
        {
            return;
        }

        if (depth == location.Length - 1)
        {
            obj.Remove(key);
            return;
        }

        foreach (var inner in Objects(obj[key]))
        {
            Remove(inner, location, depth + 1);
        }

        RemoveIfEmpty(obj, key);
    }

    // Selecting away every sub-attribute a value has leaves nothing to return, not "{}" or "[{}]" (RFC 7643 §2.5:
    // unassigned attributes are omitted).
    private static void RemoveIfEmpty(JsonObject obj, string key)
    {
        if (obj[key] is JsonArray array)
        {
            foreach (var empty in array.OfType<JsonObject>().Where(o => o.Count == 0).ToList())
            {
                array.Remove(empty);
            }
        }

        if (obj[key] is JsonObject { Count: 0 } or JsonArray { Count: 0 })
        {
            obj.Remove(key);
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject obj => [obj],
        JsonArray array => array.OfType<JsonObject>(),
        _ => [],
    };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
