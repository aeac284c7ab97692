using System.Text.Json.Nodes;
using Scim.Filtering;
using Scim.Filtering.Parsing;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;
using static Scim.Protocol.Tests.Patching.PatchKit;

namespace Scim.Protocol.Tests.Schemas;

/// <summary>
/// One spelling of an attribute path names the same attribute wherever a client may use it: the <c>attributes</c>
/// and <c>excludedAttributes</c> parameters, a PATCH <c>path</c>, a member of a path-less PATCH value, and a member of
/// a resource body.
/// </summary>
public class AttributePathResolutionTests
{
    private const string Core = ScimSchemaUris.User;
    private const string UpperEnt = "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER";

    // A user holding a value at every path the tables below name.
    private const string Stored = $$$"""
        {"schemas":["{{{Core}}}","{{{Ent}}}"],"id":"u1","externalId":"x-1","meta":{"resourceType":"User"},
         "userName":"u1@example.com","displayName":"User One","name":{"givenName":"Alex","familyName":"One"},
         "emails":[{"value":"u1@example.com","type":"work"}],
         "{{{Ent}}}":{"employeeNumber":"E-1","department":"R&D","manager":{"value":"m-1","displayName":"Boss"} } }
        """;

    [Theory]
    [InlineData("displayName", Core + ":displayName", "\"Renamed\"")]
    [InlineData("DISPLAYNAME", Core + ":displayName", "\"Renamed\"")]
    [InlineData(Core + ":displayName", Core + ":displayName", "\"Renamed\"")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:user:DisplayName", Core + ":displayName", "\"Renamed\"")]
    [InlineData("externalId", Core + ":externalId", "\"x-2\"")]
    [InlineData(Core + ":EXTERNALID", Core + ":externalId", "\"x-2\"")]
    [InlineData("name.givenName", Core + ":name.givenName", "\"Robin\"")]
    [InlineData("Name.GIVENNAME", Core + ":name.givenName", "\"Robin\"")]
    [InlineData(Core + ":name.givenName", Core + ":name.givenName", "\"Robin\"")]
    [InlineData("emails", Core + ":emails", """[{"value":"home@example.com","type":"home"}]""")]
    [InlineData(Ent + ":employeeNumber", Ent + ":employeeNumber", "\"E-2\"")]
    [InlineData(UpperEnt + ":EmployeeNumber", Ent + ":employeeNumber", "\"E-2\"")]
    [InlineData(Ent + ".employeeNumber", Ent + ":employeeNumber", "\"E-2\"")]
    [InlineData("employeeNumber", Ent + ":employeeNumber", "\"E-2\"")]
    [InlineData("EMPLOYEENUMBER", Ent + ":employeeNumber", "\"E-2\"")]
    [InlineData("manager", Ent + ":manager", """{"value":"m-2"}""")]
    [InlineData(Ent + ":manager", Ent + ":manager", """{"value":"m-2"}""")]
    [InlineData(Ent + ".Manager", Ent + ":manager", """{"value":"m-2"}""")]
    [InlineData("manager.value", Ent + ":manager.value", "\"m-2\"")]
    [InlineData(Ent + ":manager.value", Ent + ":manager.value", "\"m-2\"")]
    [InlineData(UpperEnt + ":MANAGER.VALUE", Ent + ":manager.value", "\"m-2\"")]
    [InlineData(Ent, Ent, """{"department":"Sales"}""")]
    [InlineData(UpperEnt, Ent, """{"department":"Sales"}""")]
    public void Spelling_ResolvesToTheSameAttributeEverywhere(string spelling, string canonical, string value)
    {
        Assert.Equal(canonical, AttributePathResolver.Resolve(spelling, ResourceTypeDefinition.User).Value?.ToString());

        AssertJson(Project([canonical], []).ToJsonString(), Project([spelling], []));
        Assert.False(JsonNode.DeepEquals(Project(["nosuchattr"], []), Project([spelling], [])), "attributes selected nothing");
        AssertJson(Project([], [canonical]).ToJsonString(), Project([], [spelling]));
        Assert.False(JsonNode.DeepEquals(Project([], []), Project([], [spelling])), "excludedAttributes removed nothing");

        var byPath = Succeeds(Stored, Ops($$"""{"op":"replace","path":"{{spelling}}","value":{{value}}}"""));
        var byCanonicalPath = Succeeds(Stored, Ops($$"""{"op":"replace","path":"{{canonical}}","value":{{value}}}"""));
        var byValueKey = Succeeds(Stored, Ops($$$"""{"op":"replace","value":{"{{{spelling}}}":{{{value}}}}}"""));
        AssertJson(byCanonicalPath.Resource.ToJsonString(), byPath.Resource);
        AssertJson(byCanonicalPath.Resource.ToJsonString(), byValueKey.Resource);
        Assert.False(JsonNode.DeepEquals(Normalize(Stored).Resource, byPath.Resource), "the PATCH changed nothing");
        Assert.Empty(byPath.IgnoredAttributes);
        Assert.Empty(byValueKey.IgnoredAttributes);

        var byKey = Normalize($$"""{"userName":"u","{{spelling}}":{{value}}}""");
        AssertJson(Normalize($$"""{"userName":"u","{{canonical}}":{{value}}}""").Resource.ToJsonString(), byKey.Resource);
        Assert.False(JsonNode.DeepEquals(Normalize("""{"userName":"u"}""").Resource, byKey.Resource), "the body key set nothing");
        Assert.Empty(byKey.IgnoredAttributes);
    }

    [Theory]
    [InlineData("shoeSize")]
    [InlineData("name.nickname2")]
    [InlineData("emails.label")]
    [InlineData("schemas.value")]
    [InlineData(Ent + ":shoeSize")]
    [InlineData(Ent + ".shoeSize")]
    [InlineData(Ent + ":manager.shoeSize")]
    [InlineData("urn:ietf:params:scim:schemas:extension:acme:2.0:User")]
    [InlineData("urn:ietf:params:scim:schemas:extension:acme:2.0:User:costCenter")]
    [InlineData(Core)]
    [InlineData(Core + ":employeeNumber")]
    public void Spelling_NamingNothing_IsIgnoredEverywhere(string spelling)
    {
        var resolved = AttributePathResolver.Resolve(spelling, ResourceTypeDefinition.User);
        Assert.True(resolved.IsSuccess);
        Assert.Null(resolved.Value);

        AssertSelectsNothing(spelling);

        var byPath = Succeeds(Stored, Ops($$"""{"op":"replace","path":"{{spelling}}","value":"x"}"""));
        AssertJson(Normalize(Stored).Resource.ToJsonString(), byPath.Resource);
        Assert.Equal([spelling], byPath.IgnoredAttributes);

        AssertIgnoredAsMemberName(spelling);
    }

    [Theory]
    [InlineData("display Name")]
    [InlineData("$displayName")]
    [InlineData("display$Name")]
    [InlineData("name..givenName")]
    [InlineData("name.givenName.x")]
    [InlineData("foo:bar")]
    public void NotAnAttrPath_IsIgnoredAsNameAndSelectsNothingButIs400InvalidPathAsPatchPath(string spelling)
    {
        var parserMessage = Assert.Throws<ScimFilterException>(() => ScimFilterParser.ParsePath(spelling)).Message;

        var resolved = AttributePathResolver.Resolve(spelling, ResourceTypeDefinition.User);
        Assert.Equal("invalidPath", resolved.Error?.ScimType);

        AssertSelectsNothing(spelling);
        AssertIgnoredAsMemberName(spelling);

        var error = Fails(Stored, Ops($$"""{"op":"replace","path":"{{spelling}}","value":"x"}"""));
        Assert.Equal(400, error.Status);
        Assert.Equal("invalidPath", error.ScimType);
        Assert.Equal(parserMessage, error.Detail);
    }

    // A member name is the whole attrPath: whitespace around it or a bracket filter makes it name nothing.
    [Theory]
    [InlineData(" displayName")]
    [InlineData("displayName ")]
    [InlineData("emails[type eq \\\"work\\\"]")]
    public void MemberNameThatIsNoAttrPath_IsIgnoredAndReported(string name)
    {
        AssertIgnoredAsMemberName(name.Replace("\\\"", "\"", StringComparison.Ordinal), name);
    }

    [Theory]
    [InlineData("id")]
    [InlineData(Core + ":id")]
    [InlineData("META.created")]
    public void ReadOnlySpelling_IsDroppedFromBodiesAndRefusedAsPatchPath(string spelling)
    {
        Assert.Equal("mutability", Fails(Stored, Ops($$"""{"op":"replace","path":"{{spelling}}","value":"x"}""")).ScimType);

        var byKey = Normalize($$"""{"userName":"u","{{spelling}}":"x"}""");
        AssertJson($$"""{"schemas":["{{Core}}"],"userName":"u"}""", byKey.Resource);
        Assert.Empty(byKey.IgnoredAttributes);
    }

    [Theory]
    [InlineData("schemas")]
    [InlineData("SCHEMAS")]
    public void Schemas_IsRecomputedFromBodiesAndAlwaysReturned(string spelling)
    {
        Assert.Equal("schemas", AttributePathResolver.Resolve(spelling, ResourceTypeDefinition.User).Value?.ToString());

        var byKey = Normalize($$"""{"userName":"u","{{spelling}}":["urn:x"]}""");
        AssertJson($$"""{"schemas":["{{Core}}"],"userName":"u"}""", byKey.Resource);
        Assert.Empty(byKey.IgnoredAttributes);

        Assert.NotNull(Project([], [spelling])["schemas"]);
    }

    private static void AssertSelectsNothing(string spelling)
    {
        AssertJson($$"""{"schemas":["{{Core}}","{{Ent}}"],"id":"u1"}""", Project([spelling], []));
        AssertJson(Project([], []).ToJsonString(), Project([], [spelling]));
    }

    private static void AssertIgnoredAsMemberName(string name) => AssertIgnoredAsMemberName(name, name);

    /// <param name="name">The name as the server sees it.</param>
    /// <param name="jsonName">The same name escaped for a JSON string.</param>
    private static void AssertIgnoredAsMemberName(string name, string jsonName)
    {
        var byKey = Normalize($$"""{"userName":"u","{{jsonName}}":"x"}""");
        AssertJson($$"""{"schemas":["{{Core}}"],"userName":"u"}""", byKey.Resource);
        Assert.Equal([name], byKey.IgnoredAttributes);

        var byValueKey = Succeeds(Stored, Ops($$$"""{"op":"replace","value":{"{{{jsonName}}}":"x"}}"""));
        AssertJson(Normalize(Stored).Resource.ToJsonString(), byValueKey.Resource);
        Assert.Equal([name], byValueKey.IgnoredAttributes);
    }

    private static JsonObject Project(string[] attributes, string[] excludedAttributes) =>
        Patching.PatchKit.Project(AttributeProjection.Parse(attributes, excludedAttributes, ResourceTypeDefinition.User), Stored);

    private static NormalizedResource Normalize(string body)
    {
        var result = ResourceNormalizer.Normalize(JsonNode.Parse(body)!.AsObject(), ResourceTypeDefinition.User, keepReadOnly: body == Stored);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }
}
