using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Filtering.Ast;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Patching;

/// <summary>
/// Evaluates a bracket filter (RFC 7644 §3.5.2 <c>valuePath</c>) against one element of a multi-valued attribute in
/// memory. String comparisons honour the sub-attribute's <c>caseExact</c> (RFC 7644 §3.4.2.2); boolean
/// sub-attributes also compare with <c>"True"</c>/<c>"False"</c> strings (Entra's <c>roles[primary eq "True"]</c>).
/// Sub-attribute names are matched case-insensitively; an unknown sub-attribute or a nested <c>[..]</c> never matches.
/// </summary>
public static class ElementFilter
{
    /// <summary>True when <paramref name="element"/> satisfies <paramref name="filter"/>.</summary>
    /// <param name="attribute">The multi-valued attribute whose sub-attributes the filter names, e.g. <see cref="GroupSchema.Members"/>.</param>
    /// <param name="element">One element with canonical keys, e.g. <c>{"value":"2819c223","type":"User"}</c>.</param>
    /// <param name="filter">The bracket filter, with paths relative to the element (<c>type eq "work"</c>).</param>
    public static bool Matches(AttributeDefinition attribute, JsonObject element, FilterNode filter) => filter switch
    {
        LogicalFilter { Operator: LogicalOperator.And } and => Matches(attribute, element, and.Left) && Matches(attribute, element, and.Right),
        LogicalFilter or => Matches(attribute, element, or.Left) || Matches(attribute, element, or.Right),
        NotFilter not => !Matches(attribute, element, not.Inner),
        PresentFilter present => attribute.FindSubAttribute(present.Path) is { } sub && IsPresent(element[sub.Name]),
        ComparisonFilter comparison => attribute.FindSubAttribute(comparison.Path) is { } sub
            && Compare(sub, element[sub.Name], comparison.Operator, comparison.Value),
        _ => false,
    };

    /// <summary>
    /// The element a filter describes, created when an add or replace on <c>attr[filter]</c> matches no element
    /// (Microsoft Entra relies on this upsert to set a new work email or phone number): every sub-attribute pinned by
    /// an <c>eq</c> in an <c>and</c>-chain, e.g. <c>type eq "work"</c> → <c>{"type":"work"}</c>.
    /// </summary>
    /// <param name="attribute">The multi-valued attribute, for canonical sub-attribute names and value types.</param>
    /// <param name="filter">The bracket filter, with paths relative to the element.</param>
    public static JsonObject Seed(AttributeDefinition attribute, FilterNode filter)
    {
        var seed = new JsonObject();
        AddPins(attribute, filter, seed);
        return seed;
    }

    private static void AddPins(AttributeDefinition attribute, FilterNode filter, JsonObject seed)
    {
        switch (filter)
        {
            case LogicalFilter { Operator: LogicalOperator.And } and:
                AddPins(attribute, and.Left, seed);
                AddPins(attribute, and.Right, seed);
                break;
            case ComparisonFilter { Operator: ComparisonOperator.Eq } eq when attribute.FindSubAttribute(eq.Path) is { } sub && ToJson(sub, eq.Value) is { } value:
                seed[sub.Name] = value;
                break;
            default:
                // or / not / other operators do not pin a single value.
                break;
        }
    }

    private static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        _ => !ValueCoercer.IsEmptyString(node),
    };

    private static bool Compare(AttributeDefinition sub, JsonNode? node, ComparisonOperator op, Literal literal)
    {
        if (node is not JsonValue value)
        {
            return op == ComparisonOperator.Ne ? literal.Kind != LiteralKind.Null : op == ComparisonOperator.Eq && literal.Kind == LiteralKind.Null;
        }

        if (sub.Type == AttributeType.Boolean)
        {
            var left = AsBoolean(value);
            var right = literal.Value switch { bool b => b, string s when bool.TryParse(s, out var p) => p, _ => (bool?)null };
            return left is not null && right is not null && op switch
            {
                ComparisonOperator.Eq => left == right,
                ComparisonOperator.Ne => left != right,
                _ => false,
            };
        }

        if (value.GetValueKind() == JsonValueKind.Number && literal.Value is decimal number)
        {
            return Order(value.GetValue<decimal>().CompareTo(number), op);
        }

        if (value.GetValueKind() != JsonValueKind.String || literal.Value is not string text)
        {
            return false;
        }

        var actual = value.GetValue<string>();
        var comparison = sub.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            ComparisonOperator.Co => actual.Contains(text, comparison),
            ComparisonOperator.Sw => actual.StartsWith(text, comparison),
            ComparisonOperator.Ew => actual.EndsWith(text, comparison),
            _ => Order(string.Compare(actual, text, comparison), op),
        };
    }

    private static bool Order(int order, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => order == 0,
        ComparisonOperator.Ne => order != 0,
        ComparisonOperator.Gt => order > 0,
        ComparisonOperator.Ge => order >= 0,
        ComparisonOperator.Lt => order < 0,
        ComparisonOperator.Le => order <= 0,
        _ => false,
    };

    private static bool? AsBoolean(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
        _ => null,
    };

    private static JsonValue? ToJson(AttributeDefinition sub, Literal literal) => literal.Value switch
    {
        string s when sub.Type == AttributeType.Boolean => bool.TryParse(s, out var parsed) ? JsonValue.Create(parsed) : null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(d),
        _ => null,
    };
}
