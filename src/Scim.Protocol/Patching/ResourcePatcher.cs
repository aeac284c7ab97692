using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Patching;

/// <summary>
/// Applies add/replace/remove to a resource's JSON for one resolved target (RFC 7644 §3.5.2.1-§3.5.2.3). Works on a
/// canonical resource, and coerces every incoming value first so that key casing, <c>"True"</c> strings and bare-id
/// managers compare and merge like stored values. "No value" (<c>null</c>, <c>""</c>, <c>{"value":""}</c> for
/// <c>manager</c>) on add/replace clears the target.
/// </summary>
/// <param name="resource">The working copy being patched.</param>
/// <param name="type">Its resource type; core attributes live at the top level, extensions under their URN.</param>
/// <param name="coercer">Coerces incoming values and collects ignored sub-attributes.</param>
internal sealed class ResourcePatcher(JsonObject resource, ResourceTypeDefinition type, ValueCoercer coercer)
{
    /// <summary>
    /// add (<paramref name="replace"/> false) or replace: single-valued → set; complex → merge the sub-attributes
    /// sent; multi-valued → append non-duplicates (add) or replace all elements (replace); <c>attr[filter]</c> and
    /// <c>attr[filter].sub</c> → change the matching elements, or create one from the filter's <c>eq</c> pins when none
    /// matches, the upsert Microsoft Entra relies on.
    /// </summary>
    public Result<bool> Set(PatchTarget target, JsonNode? value, bool replace)
    {
        if (target.Attribute is null)
        {
            return SetExtension(target, value);
        }

        var attribute = target.Attribute;
        var container = Container(target, create: true)!;
        if (attribute.MultiValued)
        {
            return target.Filter is null && target.SubAttribute is null
                ? SetAll(container, attribute, value, target.Path, replace)
                : SetElements(container, target, value);
        }

        if (target.SubAttribute is null && attribute.IsComplex && value is JsonObject fields)
        {
            // RFC 7644 §3.5.2.3: a complex value sets only the sub-attributes it carries, each on its own, so
            // {"name":{"givenName":""}} clears givenName alone and name.familyName survives.
            return SetSubAttributes(target, fields, replace);
        }

        var (coerceAs, path) = target.SubAttribute is null ? (attribute, attribute.Name) : (target.SubAttribute, $"{attribute.Name}.{target.SubAttribute.Name}");
        var coerced = coercer.CoerceSingle(coerceAs, value, path);
        if (!coerced.IsSuccess)
        {
            return coerced.Error;
        }

        if (target.SubAttribute is not null)
        {
            var parent = container[attribute.Name] as JsonObject;
            if (parent is null)
            {
                parent = [];
                container[attribute.Name] = parent;
            }

            SetOrRemove(parent, target.SubAttribute.Name, coerced.Value);
        }
        else
        {
            SetOrRemove(container, attribute.Name, coerced.Value);
        }

        return true;
    }

    /// <summary>
    /// remove: the attribute, a sub-attribute, the elements matching a filter, a sub-attribute of those, or (Entra's
    /// legacy form) the elements matching a <paramref name="value"/> list. Removing something absent is a no-op.
    /// </summary>
    public Result<bool> Remove(PatchTarget target, JsonNode? value)
    {
        if (target.Attribute is null)
        {
            resource.Remove(target.Schema.Id);
            return true;
        }

        var attribute = target.Attribute;
        var container = Container(target, create: false);
        if (container is null)
        {
            return true;
        }

        if (!attribute.MultiValued)
        {
            if (target.SubAttribute is null)
            {
                container.Remove(attribute.Name);
            }
            else
            {
                (container[attribute.Name] as JsonObject)?.Remove(target.SubAttribute.Name);
            }

            return true;
        }

        if (container[attribute.Name] is not JsonArray elements)
        {
            return true;
        }

        if (target.Filter is null && target.SubAttribute is null)
        {
            if (value is null)
            {
                container.Remove(attribute.Name);
                return true;
            }

            var listed = coercer.Coerce(attribute, value, target.Path);
            if (!listed.IsSuccess)
            {
                return listed.Error;
            }

            var patterns = ((listed.Value as JsonArray) ?? []).OfType<JsonObject>().ToList();
            RemoveWhere(elements, e => patterns.Any(p => MatchesPattern(attribute, e, p)));
        }
        else if (target.SubAttribute is not null)
        {
            foreach (var element in Matching(attribute, elements, target))
            {
                element.Remove(target.SubAttribute.Name);
            }
        }
        else
        {
            RemoveWhere(elements, e => Matches(attribute, e, target));
        }

        if (elements.Count == 0)
        {
            container.Remove(attribute.Name);
        }

        return true;
    }

    // The members of an extension object are applied one by one by PatchEngine; what reaches here clears it or is no object.
    private Result<bool> SetExtension(PatchTarget target, JsonNode? value)
    {
        if (value is null || ValueCoercer.IsEmptyString(value))
        {
            resource.Remove(target.Schema.Id);
            return true;
        }

        return ScimError.InvalidValue($"The value for '{target.Path}' must be a JSON object of {target.Schema.Name} attributes.");
    }

    private Result<bool> SetSubAttributes(PatchTarget target, JsonObject fields, bool replace)
    {
        var attribute = target.Attribute!;
        foreach (var (key, fieldValue) in fields)
        {
            var subAttribute = attribute.FindSubAttribute(key);
            if (subAttribute is null)
            {
                coercer.Ignore($"{target.Path}.{key}");
                continue;
            }

            if (coercer.Drops(subAttribute))
            {
                continue;
            }

            var applied = Set(target with { SubAttribute = subAttribute, Path = $"{target.Path}.{subAttribute.Name}" }, fieldValue, replace);
            if (!applied.IsSuccess)
            {
                return applied;
            }
        }

        return true;
    }

    private Result<bool> SetAll(JsonObject container, AttributeDefinition attribute, JsonNode? value, string path, bool replace)
    {
        var coerced = coercer.Coerce(attribute, value, path);
        if (!coerced.IsSuccess)
        {
            return coerced.Error;
        }

        var incoming = (coerced.Value as JsonArray) ?? [];
        if (replace || container[attribute.Name] is not JsonArray elements)
        {
            SetOrRemove(container, attribute.Name, incoming.Count == 0 ? null : incoming);
            return true;
        }

        foreach (var element in incoming.ToList())
        {
            // RFC 7644 §3.5.2.1: adding a value that is already there changes nothing.
            if (elements.Any(e => JsonNode.DeepEquals(e, element)))
            {
                continue;
            }

            incoming.Remove(element);
            elements.Add(element);
            if (element is JsonObject added && ValueCoercer.IsTrue(added["primary"]))
            {
                ClearOtherPrimaries(elements, added);
            }
        }

        return true;
    }

    private Result<bool> SetElements(JsonObject container, PatchTarget target, JsonNode? value)
    {
        var attribute = target.Attribute!;
        var (coerceAs, path) = target.SubAttribute is null ? (attribute, target.Path) : (target.SubAttribute, target.Path);
        var coerced = coercer.CoerceSingle(coerceAs, value, path);
        if (!coerced.IsSuccess)
        {
            return coerced.Error;
        }

        var elements = container[attribute.Name] as JsonArray;
        var matches = elements is null ? [] : Matching(attribute, elements, target).ToList();
        if (coerced.Value is null)
        {
            // Clearing: drop the sub-attribute, or the elements themselves for attr[filter].
            foreach (var match in matches)
            {
                if (target.SubAttribute is null)
                {
                    elements!.Remove(match);
                }
                else
                {
                    match.Remove(target.SubAttribute.Name);
                }
            }

            return true;
        }

        if (matches.Count == 0 && target.Filter is not null)
        {
            var created = ElementFilter.Seed(attribute, target.Filter);
            if (elements is null)
            {
                elements = [];
                container[attribute.Name] = elements;
            }

            elements.Add(created);
            matches.Add(created);
        }

        foreach (var match in matches)
        {
            if (target.SubAttribute is null)
            {
                Merge(match, (JsonObject)coerced.Value.DeepClone());
            }
            else
            {
                match[target.SubAttribute.Name] = coerced.Value.DeepClone();
            }

            if (ValueCoercer.IsTrue(match["primary"]))
            {
                ClearOtherPrimaries(elements!, match);
            }
        }

        return true;
    }

    private JsonObject? Container(PatchTarget target, bool create)
    {
        if (target.Schema == type.Schema)
        {
            return resource;
        }

        if (resource[target.Schema.Id] is JsonObject extension)
        {
            return extension;
        }

        if (!create)
        {
            return null;
        }

        extension = [];
        resource[target.Schema.Id] = extension;
        return extension;
    }

    private static IEnumerable<JsonObject> Matching(AttributeDefinition attribute, JsonArray elements, PatchTarget target) =>
        elements.OfType<JsonObject>().Where(e => Matches(attribute, e, target));

    private static bool Matches(AttributeDefinition attribute, JsonObject element, PatchTarget target) =>
        target.Filter is null || ElementFilter.Matches(attribute, element, target.Filter);

    /// <summary>Legacy remove-by-value: every non-null sub-attribute of the pattern equals the element's (honouring caseExact).</summary>
    private static bool MatchesPattern(AttributeDefinition attribute, JsonObject element, JsonObject pattern) =>
        pattern.All(p =>
        {
            var sub = attribute.FindSubAttribute(p.Key);
            if (sub is null || p.Value is null)
            {
                return true;
            }

            var comparison = sub.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            return element[sub.Name] is { } actual && string.Equals(actual.ToJsonString(), p.Value.ToJsonString(), comparison);
        });

    private static void RemoveWhere(JsonArray elements, Func<JsonObject, bool> predicate)
    {
        foreach (var element in elements.OfType<JsonObject>().Where(predicate).ToList())
        {
            elements.Remove(element);
        }
    }

    /// <summary>RFC 7643 §2.4: at most one element is primary, so making one primary demotes the others.</summary>
    private static void ClearOtherPrimaries(JsonArray elements, JsonObject primary)
    {
        foreach (var other in elements.OfType<JsonObject>().Where(e => e != primary && ValueCoercer.IsTrue(e["primary"])))
        {
            other["primary"] = false;
        }
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            source.Remove(key);
            target[key] = value;
        }
    }

    private static void SetOrRemove(JsonObject container, string name, JsonNode? value)
    {
        if (value is null)
        {
            container.Remove(name);
        }
        else
        {
            container[name] = value;
        }
    }
}
