using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Protocol.Schemas;

/// <summary>
/// Brings one attribute value to its canonical form (RFC 7643 §2.3-§2.4): canonical sub-attribute casing, JSON
/// booleans for <c>"True"</c>/<c>"False"</c> strings, a single object wrapped into an array for multi-valued
/// attributes, Entra's bare-string <c>manager</c> expanded to <c>{"value":...}</c>. Returns null for "no value"
/// (<c>null</c>, <c>""</c>, <c>[]</c>, <c>{}</c>). Values are otherwise kept exactly as sent: no trimming and no
/// case folding, because Entra re-sends any value that reads back differently.
/// Errors are 400 <c>invalidValue</c> naming the attribute path.
/// </summary>
/// <param name="keepReadOnly">
/// True to keep readOnly attributes (a stored resource being re-normalised); false to drop them silently as
/// client input (RFC 7644 §3.3).
/// </param>
internal sealed class ValueCoercer(bool keepReadOnly)
{
    private readonly List<string> ignored = [];

    /// <summary>Paths of sub-attributes dropped because no schema defines them, in encounter order.</summary>
    public IReadOnlyList<string> Ignored => ignored;

    /// <summary>Records a path the server ignored.</summary>
    public void Ignore(string path) => ignored.Add(path);

    /// <summary>True when a client-supplied value for <paramref name="attribute"/> is dropped silently.</summary>
    public bool Drops(AttributeDefinition attribute) => !keepReadOnly && attribute.Mutability == Mutability.ReadOnly;

    /// <summary>Coerces a whole attribute value (array for multi-valued attributes).</summary>
    /// <param name="attribute">The attribute definition.</param>
    /// <param name="value">The value as sent; not modified.</param>
    /// <param name="path">The attribute path for error messages and the ignore list, e.g. <c>emails</c>.</param>
    public Result<JsonNode?> Coerce(AttributeDefinition attribute, JsonNode? value, string path)
    {
        if (value is null || Drops(attribute))
        {
            return (JsonNode?)null;
        }

        return attribute.MultiValued ? CoerceMultiValued(attribute, value, path) : CoerceSingle(attribute, value, path);
    }

    /// <summary>Coerces one element of a multi-valued attribute, or the value of a single-valued one.</summary>
    public Result<JsonNode?> CoerceSingle(AttributeDefinition attribute, JsonNode? value, string path)
    {
        if (value is null || Drops(attribute))
        {
            return (JsonNode?)null;
        }

        return attribute.IsComplex ? CoerceComplex(attribute, value, path) : CoerceSimple(attribute, value, path);
    }

    /// <summary>
    /// The most elements a multi-valued attribute of one resource keeps (emails, roles, ...): every read returns them
    /// all, so an unbounded list would make the resource unreadable. Group members are rows and have no such cap.
    /// </summary>
    public const int MaxElements = 1_000;

    private Result<JsonNode?> CoerceMultiValued(AttributeDefinition attribute, JsonNode value, string path)
    {
        // A lone object where an array belongs is wrapped: several clients send one email that way.
        IEnumerable<JsonNode?> items = value is JsonArray array ? array : new[] { value };
        var result = new JsonArray();
        var primaries = 0;
        foreach (var item in items)
        {
            var element = CoerceSingle(attribute, item, path);
            if (!element.IsSuccess)
            {
                return element;
            }

            // An element left with only qualifiers ({"type":"work"} after its value was cleared) holds no data.
            if (element.Value is null || element.Value is JsonObject onlyQualifiers && onlyQualifiers.All(p => p.Key is "type" or "primary" or "display"))
            {
                continue;
            }

            if (element.Value is JsonObject obj && IsTrue(obj["primary"]) && ++primaries > 1)
            {
                return ScimError.InvalidValue($"At most one element of '{path}' may have \"primary\": true (RFC 7643 §2.4).");
            }

            result.Add(element.Value);
        }

        if (result.Count > MaxElements && attribute != GroupSchema.Members)
        {
            return ScimError.InvalidValue($"'{path}' has {result.Count} elements; a resource keeps at most {MaxElements}.");
        }

        return result.Count == 0 ? null : result;
    }

    private Result<JsonNode?> CoerceComplex(AttributeDefinition attribute, JsonNode value, string path)
    {
        if (attribute == EnterpriseUserSchema.Manager)
        {
            // Entra sends the manager as a bare id, and before 2018 as [{"$ref":...,"value":id}].
            value = value switch
            {
                JsonArray { Count: 0 } => new JsonObject(),
                JsonArray managers => managers[0] ?? new JsonObject(),
                JsonValue id when id.GetValueKind() == JsonValueKind.String => new JsonObject { ["value"] = id.GetValue<string>() },
                _ => value,
            };
        }

        if (IsEmptyString(value))
        {
            return (JsonNode?)null;
        }

        if (value is not JsonObject source)
        {
            return ScimError.InvalidValue($"'{path}' must be a JSON object with the sub-attributes of '{attribute.Name}'.");
        }

        var result = new JsonObject();
        foreach (var (key, subValue) in source)
        {
            var subAttribute = attribute.FindSubAttribute(key);
            if (subAttribute is null)
            {
                if (subValue is not null)
                {
                    Ignore($"{path}.{key}");
                }

                continue;
            }

            var coerced = CoerceSingle(subAttribute, subValue, $"{path}.{subAttribute.Name}");
            if (!coerced.IsSuccess)
            {
                return coerced;
            }

            if (coerced.Value is null)
            {
                result.Remove(subAttribute.Name);
            }
            else
            {
                result[subAttribute.Name] = coerced.Value;
            }
        }

        foreach (var required in attribute.SubAttributes.Where(s => s.Required && !result.ContainsKey(s.Name)))
        {
            return ScimError.InvalidValue($"'{path}.{required.Name}' is required and must be a non-empty string.");
        }

        return result.Count == 0 ? null : result;
    }

    private static Result<JsonNode?> CoerceSimple(AttributeDefinition attribute, JsonNode value, string path)
    {
        if (value is not JsonValue scalar)
        {
            return ScimError.InvalidValue($"'{path}' must be a single {SchemaRenderer.CamelCase(attribute.Type)} value, not an object or array.");
        }

        var kind = scalar.GetValueKind();
        if (kind == JsonValueKind.String && scalar.GetValue<string>().Length == 0)
        {
            return (JsonNode?)null;
        }

        switch (attribute.Type)
        {
            case AttributeType.Boolean:
                if (kind is JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(kind == JsonValueKind.True);
                }

                // Legacy Entra sends "True"/"False" strings (its Switch() mapping yields strings).
                if (kind == JsonValueKind.String && bool.TryParse(scalar.GetValue<string>(), out var parsed))
                {
                    return JsonValue.Create(parsed);
                }

                return ScimError.InvalidValue($"'{path}' must be a boolean (true or false); got {Sent(attribute, scalar)}.");
            case AttributeType.Integer:
                return kind == JsonValueKind.Number && scalar.TryGetValue<long>(out var integer)
                    ? JsonValue.Create(integer)
                    : ScimError.InvalidValue($"'{path}' must be an integer; got {Sent(attribute, scalar)}.");
            case AttributeType.Decimal:
                return kind == JsonValueKind.Number
                    ? scalar.DeepClone()
                    : ScimError.InvalidValue($"'{path}' must be a number; got {Sent(attribute, scalar)}.");
            default:
                // Numbers and booleans are refused rather than stringified: the stored value must read back as sent.
                return kind == JsonValueKind.String
                    ? scalar.DeepClone()
                    : ScimError.InvalidValue($"'{path}' must be a string; got {Sent(attribute, scalar)}.");
        }
    }

    // What the client sent, for an error detail: the value itself, except for an attribute never returned (password),
    // whose value must not reach an error body, a log or the journal: only its JSON type.
    private static string Sent(AttributeDefinition attribute, JsonValue scalar) =>
        attribute.Returned == Returned.Never || attribute.Mutability == Mutability.WriteOnly
            ? scalar.GetValueKind() switch
            {
                JsonValueKind.True or JsonValueKind.False => "a boolean",
                JsonValueKind.Number => "a number",
                var kind => $"a JSON {kind.ToString().ToLowerInvariant()}",
            }
            : scalar.ToJsonString();

    /// <summary>True for JSON <c>true</c> or a <c>"true"</c> string in any casing.</summary>
    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => bool.TryParse(value.GetValue<string>(), out var parsed) && parsed,
        _ => false,
    };

    /// <summary>True for <c>""</c>.</summary>
    public static bool IsEmptyString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0;
}
