using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Protocol.Patching;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Tests.Patching;

/// <summary>Fixture F of the field reports and helpers that keep each case reading like the wire.</summary>
internal static class PatchKit
{
    public const string Ent = ScimSchemaUris.EnterpriseUser;

    public const string U1 = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u1","meta":{"resourceType":"User","location":"/Users/u1"},
         "userName":"user1@example.com","name":{"givenName":"Alex","familyName":"One"},"nickName":"Al",
         "emails":[{"value":"user1@example.com","type":"work","primary":true}],"active":true}
        """;

    public const string U2 = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"u2","meta":{"resourceType":"User"},
         "userName":"user2@example.com","emails":[{"value":"user2@example.com","primary":true}]}
        """;

    public const string G1 = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","meta":{"resourceType":"Group"},"displayName":"Sales"}
        """;

    public static readonly IReadOnlySet<string> Members = new HashSet<string> { "members" };

    /// <summary>Wraps operations into a PatchOp body.</summary>
    public static string Ops(string operations) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{operations}}]}""";

    public static Result<PatchOutcome> Apply(string resource, string patchBody, ResourceTypeDefinition? type = null, IReadOnlySet<string>? external = null)
    {
        var request = JsonSerializer.Deserialize<PatchRequest>(patchBody)!;
        return PatchEngine.Apply(JsonNode.Parse(resource)!.AsObject(), request, type ?? ResourceTypeDefinition.User, external);
    }

    public static PatchOutcome Succeeds(string resource, string patchBody, ResourceTypeDefinition? type = null, IReadOnlySet<string>? external = null)
    {
        var result = Apply(resource, patchBody, type, external);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }

    public static PatchOutcome SucceedsOnGroup(string patchBody) => Succeeds(G1, patchBody, ResourceTypeDefinition.Group, Members);

    public static ScimError Fails(string resource, string patchBody, ResourceTypeDefinition? type = null, IReadOnlySet<string>? external = null)
    {
        var result = Apply(resource, patchBody, type, external);
        Assert.False(result.IsSuccess, "expected an error");
        return result.Error;
    }

    /// <summary>What <paramref name="projection"/> keeps of <paramref name="resource"/>, written as a renderer writes it.</summary>
    public static JsonObject Project(AttributeProjection projection, string resource)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            ProjectedJson.WriteMembers(JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(resource)), projection.Scope, writer);
            writer.WriteEndObject();
        }

        return JsonNode.Parse(output.WrittenSpan)!.AsObject();
    }

    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"expected {JsonNode.Parse(expected)!.ToJsonString()}\nactual   {actual?.ToJsonString()}");
}
