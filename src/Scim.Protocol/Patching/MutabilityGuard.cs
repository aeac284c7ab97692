using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Patching;

/// <summary>
/// Decides a PATCH operation that targets a readOnly attribute or sub-attribute (<c>id</c>, <c>meta</c>,
/// <c>groups</c>, <c>manager.displayName</c>, ...) or an immutable one that has a value (RFC 7644 §3.5.2: "a client
/// MUST NOT modify an attribute that has mutability readOnly or immutable"; RFC 7643 §7). The operation is applied to
/// a copy of that attribute alone and the result compared with the attribute as it is: the same value (the
/// resource's own <c>id</c> in the path-less replace Microsoft Entra and Okta send, an echo of <c>meta</c> or
/// <c>groups</c> as read) changes nothing and is ignored; anything else is 400 <c>mutability</c>.
/// </summary>
internal static class MutabilityGuard
{
    /// <summary>True when <paramref name="target"/> is readOnly or immutable, so <see cref="Check"/> decides it.</summary>
    public static bool Guards(PatchTarget target) =>
        target.Attribute is { } attribute && (IsProtected(attribute) || (target.SubAttribute is { } sub && IsProtected(sub)));

    /// <summary>
    /// Whether applying <paramref name="op"/> with <paramref name="value"/> to <paramref name="target"/> of
    /// <paramref name="resource"/> would leave the attribute as it is.
    /// </summary>
    /// <returns>
    /// True when it would (the operation is to be skipped); false when the target is an immutable attribute that has no
    /// value yet, which may be set once (the operation is to be applied); 400 <c>mutability</c> otherwise.
    /// </returns>
    public static Result<bool> Check(JsonObject resource, ResourceTypeDefinition type, string op, PatchTarget target, JsonNode? value)
    {
        var attribute = target.Attribute!;
        var current = Container(resource, type, target)?[attribute.Name];
        if (current is null && !IsReadOnly(target))
        {
            return false;
        }

        // A copy holding only this attribute, patched with readOnly values kept (a client's would otherwise be dropped).
        var copy = new JsonObject();
        var container = copy;
        if (target.Schema != type.Schema)
        {
            container = [];
            copy[target.Schema.Id] = container;
        }

        container[attribute.Name] = current?.DeepClone();
        var patcher = new ResourcePatcher(copy, type, new ValueCoercer(keepReadOnly: true));
        var applied = op == PatchEngine.Remove ? patcher.Remove(target, value) : patcher.Set(target, value, replace: op == PatchEngine.Replace);
        if (applied.IsSuccess && Same(attribute, current, Container(copy, type, target)?[attribute.Name]))
        {
            return true;
        }

        var mutability = SchemaRenderer.CamelCase(target.SubAttribute is { } sub && IsProtected(sub) ? sub.Mutability : attribute.Mutability);
        return ScimError.Mutability(
            $"'{target.Path}' is {mutability} (RFC 7643 §7): this operation would change its value, so nothing was applied. "
            + "Leave it out, or send the value it has.");
    }

    private static bool SameElement(AttributeDefinition attribute, JsonNode? a, JsonNode? b) =>
        a is JsonObject x && b is JsonObject y
            ? attribute.SubAttributes.All(sub => x[sub.Name] is null || y[sub.Name] is null || Same(sub, x[sub.Name], y[sub.Name]))
            : Same(attribute, a, b);

    private static bool IsProtected(AttributeDefinition attribute) => attribute.Mutability is Mutability.ReadOnly or Mutability.Immutable;

    private static bool IsReadOnly(PatchTarget target) =>
        target.Attribute!.Mutability == Mutability.ReadOnly || target.SubAttribute?.Mutability == Mutability.ReadOnly;

    private static JsonObject? Container(JsonObject resource, ResourceTypeDefinition type, PatchTarget target) =>
        target.Schema == type.Schema ? resource : resource[target.Schema.Id] as JsonObject;

    /// <summary>Whether two coerced values of <paramref name="attribute"/> are the same value (RFC 7644 §3.4.2.2 equality).</summary>
    private static bool Same(AttributeDefinition attribute, JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (attribute.MultiValued && a is JsonArray left && b is JsonArray right)
        {
            // Adding an element that is there already changes nothing (RFC 7644 §3.5.2.1), so the elements compare as
            // sets; an element given with fewer sub-attributes ({"value": id}) names the element that has those values.
            return left.All(l => right.Any(r => SameElement(attribute, l, r))) && right.All(r => left.Any(l => SameElement(attribute, l, r)));
        }

        if (attribute.IsComplex && a is JsonObject x && b is JsonObject y)
        {
            return attribute.SubAttributes.All(sub => Same(sub, x[sub.Name], y[sub.Name]));
        }

        if (a is not JsonValue first || b is not JsonValue second
            || first.GetValueKind() != JsonValueKind.String || second.GetValueKind() != JsonValueKind.String)
        {
            return JsonNode.DeepEquals(a, b);
        }

        var (s, t) = (first.GetValue<string>(), second.GetValue<string>());
        return attribute.Type switch
        {
            AttributeType.DateTime => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e) ? d == e : s == t,

            // The resource is patched with its URLs relative to the SCIM base URL (/Users/{id}); a client echoes them absolute.
            AttributeType.Reference => s == t || (s.StartsWith('/') && t.EndsWith(s, StringComparison.Ordinal))
                || (t.StartsWith('/') && s.EndsWith(t, StringComparison.Ordinal)),
            _ => string.Equals(s, t, attribute.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
        };
    }
}
