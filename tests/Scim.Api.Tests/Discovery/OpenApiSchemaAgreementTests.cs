using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>
/// The OpenAPI document (from which the C# client is generated) describes exactly the attributes <c>/Schemas</c>
/// publishes: the User and Group components, and the component of every complex attribute, have one property per
/// attribute or sub-attribute (RFC 7643 §7) plus, at the top level, <c>schemas</c> and the common attributes (§3.1),
/// and an extension's attributes under its URN (§3.3). A client type cannot miss an attribute the server keeps.
/// </summary>
public sealed class OpenApiSchemaAgreementTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("User", "urn:ietf:params:scim:schemas:core:2.0:User", EnterpriseUrn)]
    [InlineData("Group", "urn:ietf:params:scim:schemas:core:2.0:Group", null)]
    public async Task Components_list_every_schema_attribute(string component, string urn, string? extensionUrn)
    {
        var client = await factory.CreateScimClientAsync();
        var schemas = (await client.GetListAsync("Schemas")).Resources().ToDictionary(s => s["id"]!.GetValue<string>());
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var components = document["components"]!["schemas"]!.AsObject();
        var disagreements = new List<string>();

        var resource = components[component]!.AsObject();
        Compare(component, resource, Attributes(schemas[urn]), ["schemas", "id", "externalId", "meta", .. extensionUrn is null ? [] : new[] { extensionUrn }]);
        if (extensionUrn is not null)
        {
            Compare(extensionUrn, Target(resource["properties"]![extensionUrn]!), Attributes(schemas[extensionUrn]), []);
        }

        Assert.True(disagreements.Count == 0, "The OpenAPI document and /Schemas disagree:\n" + string.Join("\n", disagreements));

        void Compare(string where, JsonObject openApi, JsonArray attributes, string[] extra)
        {
            var properties = openApi["properties"]!.AsObject();
            var expected = attributes.Select(a => a!["name"]!.GetValue<string>()).Concat(extra).ToHashSet();
            var actual = properties.Select(p => p.Key).ToHashSet();
            foreach (var missing in expected.Except(actual))
            {
                disagreements.Add($"{where}: /Schemas has '{missing}', the OpenAPI component does not");
            }

            foreach (var surplus in actual.Except(expected))
            {
                disagreements.Add($"{where}: the OpenAPI component has '{surplus}', /Schemas does not");
            }

            foreach (var attribute in attributes.Select(a => a!.AsObject()).Where(a => a["subAttributes"] is JsonArray { Count: > 0 }))
            {
                var name = attribute["name"]!.GetValue<string>();
                if (properties[name] is { } property)
                {
                    Compare($"{where}.{name}", Target(property), attribute["subAttributes"]!.AsArray(), []);
                }
            }
        }

        JsonObject Target(JsonNode property)
        {
            var node = property["items"] ?? property;
            var reference = node["$ref"] ?? node["oneOf"]?[0]?["$ref"] ?? node["allOf"]?[0]?["$ref"];
            return reference is null ? node.AsObject() : components[reference.GetValue<string>().Split('/')[^1]]!.AsObject();
        }
    }

    private static JsonArray Attributes(JsonObject schema) => schema["attributes"]!.AsArray();
}
