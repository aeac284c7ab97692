using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Tests.Schemas;

public class ResourceNormalizerTests
{
    private const string Ent = ScimSchemaUris.EnterpriseUser;

    private static NormalizedResource NormalizeUser(string json)
    {
        var result = ResourceNormalizer.Normalize(JsonNode.Parse(json)!.AsObject(), ResourceTypeDefinition.User);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value!;
    }

    private static ScimError NormalizeFails(string json, ResourceTypeDefinition? type = null)
    {
        var result = ResourceNormalizer.Normalize(JsonNode.Parse(json)!.AsObject(), type ?? ResourceTypeDefinition.User);
        Assert.False(result.IsSuccess);
        return result.Error;
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual.ToJsonString()}");

    [Fact]
    public void Normalize_EntraCreateBody_KeepsValuesAndDropsMetaAndEmptyRoles()
    {
        var result = NormalizeUser($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Ent}}}"],
             "externalId":"alice","userName":"alice@contoso.example","active":true,
             "emails":[{"primary":true,"type":"work","value":"alice@contoso.example"}],
             "meta":{"resourceType":"User"},
             "name":{"formatted":"Alice Example","familyName":"Example","givenName":"Alice"},
             "{{{Ent}}}":{"employeeNumber":"E-1001","department":"Research"},
             "roles":[]}
            """);

        AssertJson($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Ent}}}"],
             "externalId":"alice","userName":"alice@contoso.example","active":true,
             "emails":[{"primary":true,"type":"work","value":"alice@contoso.example"}],
             "name":{"formatted":"Alice Example","familyName":"Example","givenName":"Alice"},
             "{{{Ent}}}":{"employeeNumber":"E-1001","department":"Research"}}
            """, result.Resource);
        Assert.Empty(result.IgnoredAttributes);
    }

    [Fact]
    public void Normalize_NonCanonicalCasing_RewritesNamesAndKeepsValues()
    {
        var result = NormalizeUser("""
            {"UserName":"Pat@Example.com","Emails":[{"Value":" Pat@Example.COM ","TYPE":"Work"}],
             "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER":{"Department":"R&D"}}
            """);

        AssertJson($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Ent}}}"],
             "userName":"Pat@Example.com","emails":[{"value":" Pat@Example.COM ","type":"Work"}],
             "{{{Ent}}}":{"department":"R&D"}}
            """, result.Resource);
    }

    [Fact]
    public void Normalize_UnknownAttributes_DropsAndListsThem()
    {
        var result = NormalizeUser("""
            {"userName":"u","favouriteColour":"blue","emails":[{"value":"a@b","label":"x"}],
             "urn:ietf:params:scim:schemas:extension:acme:2.0:User":{"costCenter":"1"},
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"shoeSize":"9"}}
            """);

        AssertJson("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","emails":[{"value":"a@b"}]}""", result.Resource);
        Assert.Equal(
            ["favouriteColour", "urn:ietf:params:scim:schemas:extension:acme:2.0:User", $"{Ent}:shoeSize", "emails.label"],
            result.IgnoredAttributes);
    }

    [Fact]
    public void Normalize_ClientReadOnlyAttributes_DropsSilently()
    {
        var result = NormalizeUser($$$"""
            {"id":"client-id","meta":{"resourceType":"User"},"userName":"u",
             "groups":[{"value":"g1"}],"{{{Ent}}}":{"manager":{"value":"m1","displayName":"Boss"} } }
            """);

        AssertJson($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Ent}}}"],"userName":"u","{{{Ent}}}":{"manager":{"value":"m1"} } }
            """, result.Resource);
        Assert.Empty(result.IgnoredAttributes);
    }

    [Fact]
    public void NormalizeKeepingReadOnly_StoredResource_KeepsIdAndMeta()
    {
        var body = JsonNode.Parse("""{"id":"1","meta":{"resourceType":"User","created":"2024-01-01T00:00:00Z"},"userName":"u"}""")!.AsObject();

        var result = ResourceNormalizer.Normalize(body, ResourceTypeDefinition.User, keepReadOnly: true);

        AssertJson("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"1","meta":{"resourceType":"User","created":"2024-01-01T00:00:00Z"},"userName":"u"}
            """, result.Value!.Resource);
    }

    [Fact]
    public void Normalize_MissingSchemas_FillsCoreUrn()
    {
        var result = NormalizeUser("""{"userName":"user5@example.com","name":{"givenName":"Sam","familyName":"Five"},"active":true}""");

        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User"], result.Resource["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void Normalize_UnknownSchemaUrnInGroup_IsAccepted()
    {
        var result = ResourceNormalizer.Normalize(JsonNode.Parse("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"8aa1","displayName":"Engineering","meta":{"resourceType":"Group"},"members":[]}
            """)!.AsObject(), ResourceTypeDefinition.Group);

        AssertJson("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1","displayName":"Engineering"}""", result.Value!.Resource);
    }

    [Fact]
    public void Normalize_EmptyEnterpriseObject_OmitsExtensionUrn()
    {
        var result = NormalizeUser($$$"""{"schemas":["{{{Ent}}}"],"userName":"u","{{{Ent}}}":{"department":"","manager":{"value":""} } }""");

        AssertJson("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u"}""", result.Resource);
    }

    [Fact]
    public void Normalize_NullsEmptyStringsAndEmptyContainers_AreRemoved()
    {
        var result = NormalizeUser("""
            {"userName":"u","title":null,"nickName":"","addresses":null,"phoneNumbers":[],"name":{},
             "emails":[{"value":"","type":null},{"value":"a@b"}]}
            """);

        AssertJson("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u","emails":[{"value":"a@b"}]}""", result.Resource);
    }

    [Theory]
    [InlineData("\"True\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("true", true)]
    public void Normalize_BooleanAsString_CoercesToBoolean(string sent, bool expected)
    {
        var result = NormalizeUser($$$"""{"userName":"user9@example.com","active":{{{sent}}},"emails":[{"value":"a@b","primary":{{{sent}}}}]}""");

        Assert.Equal(expected, (bool)result.Resource["active"]!);
        Assert.Equal(expected, (bool)result.Resource["emails"]![0]!["primary"]!);
    }

    [Theory]
    [InlineData("""{"userName":"u","active":"yes"}""", "active")]
    [InlineData("""{"userName":"u","active":1}""", "active")]
    [InlineData("""{"userName":"u","title":42}""", "title")]
    [InlineData("""{"userName":"u","title":true}""", "title")]
    [InlineData("""{"userName":"u","title":{"x":1}}""", "title")]
    [InlineData("""{"userName":"u","title":["a"]}""", "title")]
    [InlineData("""{"userName":"u","name":"Alice"}""", "name")]
    [InlineData("""{"userName":"u","emails":["a@b"]}""", "emails")]
    public void Normalize_WrongValueType_Returns400InvalidValueNamingAttribute(string body, string attribute)
    {
        var error = NormalizeFails(body);

        Assert.Equal(400, error.Status);
        Assert.Equal("invalidValue", error.ScimType);
        Assert.Contains(attribute, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_SingleObjectForMultiValued_WrapsIntoArray()
    {
        var result = NormalizeUser("""{"userName":"u","emails":{"value":"a@b","type":"work"}}""");

        AssertJson("""[{"value":"a@b","type":"work"}]""", result.Resource["emails"]!);
    }

    [Theory]
    [InlineData("\"m-1\"", """{"value":"m-1"}""")]
    [InlineData("""{"value":"m-1","$ref":"../Users/m-1"}""", """{"value":"m-1"}""")]
    [InlineData("""[{"$ref":"../Users/m-1","value":"m-1"}]""", """{"value":"m-1"}""")]
    public void Normalize_ManagerShapes_BecomeComplexValueWithoutReadOnlyRef(string sent, string expected)
    {
        var result = NormalizeUser($$$"""{"userName":"u","{{{Ent}}}":{"manager":{{{sent}}}}}""");

        AssertJson(expected, result.Resource[Ent]!["manager"]!);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("""{"value":""}""")]
    [InlineData("null")]
    public void Normalize_EmptyManager_RemovesManager(string sent)
    {
        var result = NormalizeUser($$$"""{"userName":"u","{{{Ent}}}":{"manager":{{{sent}}}}}""");

        Assert.False(result.Resource.ContainsKey(Ent));
    }

    [Fact]
    public void Normalize_TwoPrimaryElements_Returns400InvalidValue()
    {
        var error = NormalizeFails("""{"userName":"u","emails":[{"value":"a","primary":true},{"value":"b","primary":"True"}]}""");

        Assert.Equal("invalidValue", error.ScimType);
    }

    [Fact]
    public void Normalize_AddressWithPrimary_KeepsPrimary()
    {
        var result = NormalizeUser("""
            {"userName":"user6@example.com","addresses":[{"type":"work","streetAddress":"1 Test Way","locality":"Springfield",
             "postalCode":"00000","country":"US","formatted":"1 Test Way, Springfield","primary":true}]}
            """);

        Assert.True((bool)result.Resource["addresses"]![0]!["primary"]!);
        Assert.Empty(result.IgnoredAttributes);
    }

    [Fact]
    public void Normalize_DottedAndUrnQualifiedKeys_ExpandIntoObjects()
    {
        var result = NormalizeUser($$$"""
            {"userName":"u","name":{"familyName":"Test"},"name.givenName":"Robin","{{{Ent}}}:employeeNumber":"E-1",
             "{{{Ent}}}.department":"Legacy"}
            """);

        AssertJson($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Ent}}}"],"userName":"u",
             "name":{"familyName":"Test","givenName":"Robin"},"{{{Ent}}}":{"employeeNumber":"E-1","department":"Legacy"}}
            """, result.Resource);
    }

    [Fact]
    public void Normalize_GroupMembers_CanonicalisesThemAndDropsReadOnlyDisplay()
    {
        var result = ResourceNormalizer.Normalize(JsonNode.Parse("""
            {"displayName":"Sales","members":[{"$ref":null,"Value":"u1"},{"value":"u2","display":"User Two","type":"User"}]}
            """)!.AsObject(), ResourceTypeDefinition.Group);

        AssertJson("""[{"value":"u1"},{"value":"u2","type":"User"}]""", result.Value!.Resource["members"]!);
    }

    [Theory]
    [InlineData("""[{"display":"x"}]""")]
    [InlineData("""[{"value":""}]""")]
    [InlineData("""[{"value":5}]""")]
    [InlineData("""["u1"]""")]
    public void Normalize_GroupMemberWithoutValue_Returns400InvalidValue(string members)
    {
        var error = NormalizeFails($$$"""{"displayName":"Sales","members":{{{members}}}}""", ResourceTypeDefinition.Group);

        Assert.Equal("invalidValue", error.ScimType);
        Assert.Contains("members", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":{"givenName":"x"}}""")]
    [InlineData("""{"userName":""}""")]
    [InlineData("""{"userName":null}""")]
    public void ValidateRequired_UserWithoutUserName_Returns400InvalidValue(string body)
    {
        var normalized = NormalizeUser(body);

        var result = ResourceNormalizer.ValidateRequired(normalized.Resource, ResourceTypeDefinition.User);

        Assert.Equal("invalidValue", result.Error!.ScimType);
        Assert.Equal("userName is required.", result.Error.Detail);
    }

    [Fact]
    public void ValidateRequired_GroupWithoutDisplayName_Returns400InvalidValue()
    {
        var result = ResourceNormalizer.ValidateRequired(JsonNode.Parse("""{"externalId":"x"}""")!.AsObject(), ResourceTypeDefinition.Group);

        Assert.Equal("displayName is required.", result.Error!.Detail);
    }

    [Fact]
    public void ValidateRequired_UserWithUserName_Succeeds()
    {
        Assert.True(ResourceNormalizer.ValidateRequired(NormalizeUser("""{"userName":"u"}""").Resource, ResourceTypeDefinition.User).IsSuccess);
    }
}
