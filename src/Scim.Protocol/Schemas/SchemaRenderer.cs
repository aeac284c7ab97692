using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scim.Protocol.Schemas;

/// <summary>
/// Renders schemas as the Schema resources of <c>GET /Schemas</c> (RFC 7643 §7, §8.7):
/// <c>{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Schema"],"id":"urn:...:User","name":"User","description":"...",
/// "attributes":[{"name":"userName","type":"string","multiValued":false,...}],"meta":{"resourceType":"Schema","location":"/Schemas/urn:...:User"}}</c>.
/// Property values are camelCase (<c>readWrite</c>); absent facets are omitted rather than written as null.
/// </summary>
public static class SchemaRenderer
{
    /// <summary>Every published schema: core User, enterprise User, Group.</summary>
    public static IReadOnlyList<SchemaDefinition> Published { get; } =
        ResourceTypeDefinition.All.SelectMany(t => t.AllSchemas).Distinct().ToList();

    /// <summary>Renders one schema; a fresh object per call, so the caller may modify it.</summary>
    public static JsonObject Render(SchemaDefinition schema) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemaUris.Schema),
        ["id"] = schema.Id,
        ["name"] = schema.Name,
        ["description"] = schema.Description,
        ["attributes"] = new JsonArray(schema.Attributes.Select(a => (JsonNode)RenderAttribute(a)).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"/Schemas/{schema.Id}" },
    };

    /// <summary>Renders one attribute definition with its sub-attributes (RFC 7643 §7 "attributes").</summary>
    public static JsonObject RenderAttribute(AttributeDefinition attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = CamelCase(attribute.Type),
            ["multiValued"] = attribute.MultiValued,
        };
        if (attribute.Description is not null)
        {
            json["description"] = attribute.Description;
        }

        json["required"] = attribute.Required;
        if (!attribute.IsComplex)
        {
            // caseExact only has a meaning for values that are compared; complex values are compared by sub-attribute.
            json["caseExact"] = attribute.CaseExact;
        }

        if (attribute.CanonicalValues.Count > 0)
        {
            json["canonicalValues"] = new JsonArray(attribute.CanonicalValues.Select(v => (JsonNode?)v).ToArray());
        }

        json["mutability"] = CamelCase(attribute.Mutability);
        json["returned"] = CamelCase(attribute.Returned);
        json["uniqueness"] = CamelCase(attribute.Uniqueness);
        if (attribute.ReferenceTypes.Count > 0)
        {
            json["referenceTypes"] = new JsonArray(attribute.ReferenceTypes.Select(v => (JsonNode?)v).ToArray());
        }

        if (attribute.SubAttributes.Count > 0)
        {
            json["subAttributes"] = new JsonArray(attribute.SubAttributes.Select(s => (JsonNode)RenderAttribute(s)).ToArray());
        }

        return json;
    }

    /// <summary>Writes an enum member the way RFC 7643 §7 spells it: <c>ReadWrite</c> → <c>readWrite</c>.</summary>
    internal static string CamelCase<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
