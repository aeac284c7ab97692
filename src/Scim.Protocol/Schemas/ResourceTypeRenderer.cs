using System.Text.Json.Nodes;

namespace Scim.Protocol.Schemas;

/// <summary>
/// Renders resource types as the ResourceType resources of <c>GET /ResourceTypes</c> (RFC 7643 §6):
/// <c>{"schemas":["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],"id":"User","name":"User","endpoint":"/Users",
/// "description":"User Account","schema":"urn:...:core:2.0:User","schemaExtensions":[{"schema":"urn:...:enterprise:2.0:User","required":false}],
/// "meta":{"resourceType":"ResourceType","location":"/ResourceTypes/User"}}</c>.
/// </summary>
public static class ResourceTypeRenderer
{
    /// <summary>Renders one resource type; a fresh object per call. <c>schemaExtensions</c> is omitted when empty.</summary>
    public static JsonObject Render(ResourceTypeDefinition type)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.ResourceType),
            ["id"] = type.Name,
            ["name"] = type.Name,
            ["endpoint"] = type.Endpoint,
            ["description"] = type.Description,
            ["schema"] = type.Schema.Id,
        };
        if (type.Extensions.Count > 0)
        {
            json["schemaExtensions"] = new JsonArray(type.Extensions
                .Select(e => (JsonNode)new JsonObject { ["schema"] = e.Schema.Id, ["required"] = e.Required })
                .ToArray());
        }

        json["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"/ResourceTypes/{type.Name}" };
        return json;
    }
}
