using System.Text.Json.Nodes;

namespace Scim.Protocol.Schemas;

/// <summary>
/// Canonicalises a POST/PUT body, or a resource after PATCH, against its resource type (RFC 7643 §2-§4, §8.7):
/// attribute names in canonical casing, keys resolved by <see cref="AttributePathResolver"/> (dotted and
/// URN-qualified keys expanded into their objects), values coerced to their attribute's type (<c>"True"</c> becomes
/// <c>true</c>, a single object for a multi-valued attribute becomes an array), empty values removed, and
/// <c>schemas</c> recomputed as the core URN plus each extension URN that carries a value.
/// </summary>
public static class ResourceNormalizer
{
    /// <summary>
    /// Normalises client input: attributes no published schema defines (unknown keys, sub-attributes or extension
    /// URNs) are dropped and listed in <see cref="NormalizedResource.IgnoredAttributes"/>; readOnly attributes
    /// (<c>id</c>, <c>meta</c>, <c>groups</c>, <c>manager.displayName</c>) are dropped silently (RFC 7644 §3.3);
    /// a missing or odd <c>schemas</c> array is never an error.
    /// Required attributes are not checked here; call <see cref="ValidateRequired"/>.
    /// </summary>
    /// <param name="body">The request body; not modified.</param>
    /// <param name="type">The resource type.</param>
    /// <returns>The canonical resource, or 400 <c>invalidValue</c> naming the attribute whose value has the wrong type.</returns>
    public static Result<NormalizedResource> Normalize(JsonObject body, ResourceTypeDefinition type) =>
        Normalize(body, type, keepReadOnly: false);

    /// <summary>
    /// As <see cref="Normalize(JsonObject, ResourceTypeDefinition)"/>; with <paramref name="keepReadOnly"/> the readOnly
    /// attributes of a stored resource (<c>id</c>, <c>meta</c>, <c>groups</c>) survive, as after PATCH.
    /// </summary>
    public static Result<NormalizedResource> Normalize(JsonObject body, ResourceTypeDefinition type, bool keepReadOnly)
    {
        var coercer = new ValueCoercer(keepReadOnly);
        var containers = new Dictionary<SchemaDefinition, JsonObject>();
        foreach (var schema in type.AllSchemas)
        {
            containers[schema] = [];
        }

        var expanded = Expand(body, type, containers, coercer);
        if (!expanded.IsSuccess)
        {
            return expanded.Error;
        }

        var schemas = new JsonArray();
        var resource = new JsonObject { ["schemas"] = schemas };
        foreach (var schema in type.AllSchemas)
        {
            var target = schema == type.Schema ? resource : [];
            foreach (var (name, value) in containers[schema])
            {
                var attribute = schema == type.Schema ? type.FindAttribute(name)! : schema.FindAttribute(name)!;
                var coerced = coercer.Coerce(attribute, value, schema == type.Schema ? name : $"{schema.Id}:{name}");
                if (!coerced.IsSuccess)
                {
                    return coerced.Error;
                }

                if (coerced.Value is not null)
                {
                    target[attribute.Name] = coerced.Value;
                }
            }

            if (schema == type.Schema || target.Count > 0)
            {
                schemas.Add(schema.Id);
            }

            if (schema != type.Schema && target.Count > 0)
            {
                resource[schema.Id] = target;
            }
        }

        return new NormalizedResource(resource, coercer.Ignored);
    }

    /// <summary>
    /// Checks the required attributes of the core schema (<c>userName</c> for User, <c>displayName</c> for Group);
    /// callable on a normalised POST body and on a patched resource.
    /// </summary>
    /// <returns>The resource, or 400 <c>invalidValue</c> "userName is required".</returns>
    public static Result<JsonObject> ValidateRequired(JsonObject resource, ResourceTypeDefinition type)
    {
        foreach (var attribute in type.Schema.Attributes.Where(a => a.Required && a.Mutability != Mutability.ReadOnly))
        {
            var value = resource[attribute.Name];
            if (value is null || ValueCoercer.IsEmptyString(value))
            {
                return ScimError.InvalidValue($"{attribute.Name} is required.");
            }

            // Required strings identify the resource (userName, displayName): blank or control-character values
            // would be unfindable lookalikes, so they are refused rather than stored.
            if (value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String
                && text.GetValue<string>() is var s && (string.IsNullOrWhiteSpace(s) || s.Any(char.IsControl)))
            {
                return ScimError.InvalidValue($"{attribute.Name} must contain a visible character and no control characters.");
            }
        }

        return resource;
    }

    /// <summary>
    /// Sorts the body's keys into one raw object per schema, keyed by canonical attribute name, expanding dotted and
    /// URN-qualified keys and merging repeated complex keys (the later key wins per sub-attribute).
    /// </summary>
    private static Result<bool> Expand(
        JsonObject body, ResourceTypeDefinition type, Dictionary<SchemaDefinition, JsonObject> containers, ValueCoercer coercer)
    {
        foreach (var (key, value) in body)
        {
            // A key that is not an attrPath names nothing, like an unknown one: ignored and reported, never a 400.
            var resolved = AttributePathResolver.Resolve(key, type).Value;
            switch (resolved?.Kind)
            {
                case AttributeReferenceKind.Attribute:
                    Place(containers[resolved.Schema], resolved, value);
                    break;
                case AttributeReferenceKind.Extension when value is JsonObject extension:
                    foreach (var (subKey, subValue) in extension)
                    {
                        if (AttributePathResolver.ResolveInExtension(subKey, resolved.Schema, type).Value is { } inner)
                        {
                            Place(containers[resolved.Schema], inner, subValue);
                        }
                        else if (subValue is not null)
                        {
                            coercer.Ignore($"{resolved.Schema.Id}:{subKey}");
                        }
                    }

                    break;
                case AttributeReferenceKind.Extension when value is not null && !ValueCoercer.IsEmptyString(value):
                    return ScimError.InvalidValue($"'{resolved.Schema.Id}' must be a JSON object.");
                case null when value is not null:
                    coercer.Ignore(key);
                    break;
                default:
                    // schemas is recomputed; null extensions and null unknown keys carry nothing.
                    break;
            }
        }

        return true;
    }

    /// <summary>Writes one resolved key's value into its schema's raw object.</summary>
    private static void Place(JsonObject container, AttributeReference key, JsonNode? value)
    {
        var name = key.Attribute!.Name;
        var copy = value?.DeepClone();
        var existing = FindKey(container, name);
        if (key.SubAttribute is not null)
        {
            if (container[existing ?? name] is not JsonObject parent)
            {
                parent = [];
                container.Remove(existing ?? name);
                container[name] = parent;
            }

            parent.Remove(FindKey(parent, key.SubAttribute.Name) ?? key.SubAttribute.Name);
            parent[key.SubAttribute.Name] = copy;
            return;
        }

        if (existing is not null && container[existing] is JsonObject previous && copy is JsonObject next)
        {
            foreach (var (subKey, subValue) in next.ToList())
            {
                next.Remove(subKey);
                previous.Remove(FindKey(previous, subKey) ?? subKey);
                previous[subKey] = subValue;
            }

            return;
        }

        container.Remove(existing ?? name);
        container[name] = copy;
    }

    /// <summary>The key of <paramref name="obj"/> equal to <paramref name="name"/> ignoring case, or null.</summary>
    private static string? FindKey(JsonObject obj, string name) =>
        obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
}
