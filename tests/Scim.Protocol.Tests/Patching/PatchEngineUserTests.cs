using System.Text.Json.Nodes;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;
using static Scim.Protocol.Tests.Patching.PatchKit;

namespace Scim.Protocol.Tests.Patching;

public class PatchEngineUserTests
{
    [Fact]
    public void Patch_CapitalisedOps_AppliesAll()
    {
        var outcome = Succeeds(U1, Ops("""
            {"op":"Replace","path":"displayName","value":"Alex Sample"},
            {"op":"Add","path":"title","value":"Analyst"},
            {"op":"Remove","path":"nickName"}
            """));

        Assert.Equal("Alex Sample", (string?)outcome.Resource["displayName"]);
        Assert.Equal("Analyst", (string?)outcome.Resource["title"]);
        Assert.False(outcome.Resource.ContainsKey("nickName"));
    }

    [Theory]
    [InlineData("REPLACE")]
    [InlineData("replace")]
    [InlineData("Replace")]
    public void Patch_OpInAnyCasing_IsAccepted(string op)
    {
        var outcome = Succeeds(U1, Ops($$"""{"op":"{{op}}","path":"displayName","value":"X"}"""));

        Assert.Equal("X", (string?)outcome.Resource["displayName"]);
    }

    [Theory]
    [InlineData("""{"op":"merge","path":"displayName","value":"X"}""")]
    [InlineData("""{"path":"displayName","value":"X"}""")]
    public void Patch_UnknownOrMissingOp_Returns400InvalidSyntax(string operation)
    {
        var error = Fails(U1, Ops(operation));

        Assert.Equal(400, error.Status);
        Assert.Equal("invalidSyntax", error.ScimType);
    }

    [Fact]
    public void Patch_EmptyOperations_ReturnsUnchangedResource()
    {
        var outcome = Succeeds(U1, Ops(""));

        AssertJson(U1, outcome.Resource);
        Assert.Empty(outcome.MemberOperations);
    }

    [Fact]
    public void Patch_NoOperationsMember_Returns400InvalidSyntax()
    {
        var error = Fails(U1, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""");

        Assert.Equal("invalidSyntax", error.ScimType);
    }

    [Theory]
    [InlineData("""{"Operations":[]}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"Operations":[]}""")]
    public void Patch_WithoutPatchOpSchema_Returns400InvalidSyntax(string body)
    {
        Assert.Equal("invalidSyntax", Fails(U1, body).ScimType);
    }

    [Fact]
    public void Patch_PatchOpSchemaInOtherCase_IsAccepted()
    {
        Succeeds(U1, """{"schemas":["URN:IETF:PARAMS:SCIM:API:MESSAGES:2.0:PATCHOP"],"Operations":[]}""");
    }

    [Fact]
    public void Patch_Always_LeavesInputResourceUntouched()
    {
        var resource = JsonNode.Parse(U1)!.AsObject();
        var request = System.Text.Json.JsonSerializer.Deserialize<PatchRequest>(Ops("""{"op":"replace","path":"emails[type eq \"work\"].value","value":"x@y"}"""))!;

        PatchEngine.Apply(resource, request, ResourceTypeDefinition.User);

        AssertJson(U1, resource);
    }

    [Fact]
    public void PatchlessReplace_DottedAndUrnKeys_ExpandIntoAttributes()
    {
        var outcome = Succeeds(U1, Ops($$"""
            {"op":"replace","value":{"displayName":"Robin Test","name.givenName":"Robin","name.familyName":"Test",
              "{{Ent}}:employeeNumber":"E-1001"} }
            """));

        AssertJson("""{"givenName":"Robin","familyName":"Test"}""", outcome.Resource["name"]);
        Assert.Equal("Robin Test", (string?)outcome.Resource["displayName"]);
        Assert.Equal("E-1001", (string?)outcome.Resource[Ent]!["employeeNumber"]);
        Assert.Equal([ScimSchemaUris.User, Ent], outcome.Resource["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void PatchlessReplace_NestedForm_GivesSameResultAndKeepsOtherNameParts()
    {
        var dotted = Succeeds(U1, Ops($$"""
            {"op":"replace","value":{"displayName":"Robin Test","name.givenName":"Robin","{{Ent}}:employeeNumber":"E-1001"} }
            """));
        var nested = Succeeds(U1, Ops($$"""
            {"op":"replace","value":{"displayName":"Robin Test","name":{"givenName":"Robin"},"{{Ent}}":{"employeeNumber":"E-1001"} } }
            """));

        AssertJson(dotted.Resource.ToJsonString(), nested.Resource);
        Assert.Equal("One", (string?)nested.Resource["name"]!["familyName"]);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void PatchlessReplace_Active_SetsBoolean(string sent, bool expected)
    {
        var outcome = Succeeds(U1, Ops($$"""{"op":"replace","value":{"active":{{sent}}} }"""));

        Assert.Equal(expected, (bool)outcome.Resource["active"]!);
    }

    [Fact]
    public void PatchlessReplace_ReadOnlyKeysWithTheirValues_AreIgnoredAndUnknownReported()
    {
        var outcome = Succeeds(U1, Ops("""
            {"op":"replace","value":{"id":"u1","meta":{"resourceType":"User","location":"https://host/scim/Users/u1"},"shoeSize":"9","title":"T"}}
            """));

        Assert.Equal("u1", (string?)outcome.Resource["id"]);
        Assert.Equal("/Users/u1", (string?)outcome.Resource["meta"]!["location"]);
        Assert.Equal("T", (string?)outcome.Resource["title"]);
        Assert.Equal(["shoeSize"], outcome.IgnoredAttributes);
    }

    [Theory]
    [InlineData("""{"id":"other","title":"T"}""")]
    [InlineData("""{"ID":"U1"}""")]
    [InlineData("""{"meta":{"created":"2001-01-01T00:00:00Z"}}""")]
    [InlineData("""{"meta.location":"https://host/scim/Users/u2"}""")]
    public void PatchlessReplace_ReadOnlyKeysWithOtherValues_Returns400Mutability(string value)
    {
        Assert.Equal("mutability", Fails(U1, Ops($$"""{"op":"replace","value":{{value}}}""")).ScimType);
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"id","value":"u1"}""")]
    [InlineData("""{"op":"add","path":"meta.resourceType","value":"User"}""")]
    [InlineData("""{"op":"remove","path":"groups"}""")]
    public void ReadOnlyPath_WithItsValue_IsIgnored(string operation)
    {
        var outcome = Succeeds(U1, Ops(operation));

        AssertJson(U1, outcome.Resource);
    }

    [Fact]
    public void PatchlessAdd_NonObjectValue_Returns400InvalidValue()
    {
        Assert.Equal("invalidValue", Fails(U1, Ops("""{"op":"add","value":"x"}""")).ScimType);
    }

    [Fact]
    public void ReplaceFilteredSubAttribute_MatchingElement_ChangesOnlyValueAndKeepsPrimary()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"Replace","path":"emails[type eq \"work\"].value","value":"alex.one@example.com"}"""));

        AssertJson("""[{"value":"alex.one@example.com","type":"work","primary":true}]""", outcome.Resource["emails"]);
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Replace")]
    public void SetFilteredSubAttribute_NoMatchingElement_CreatesTypedElementAndKeepsOthers(string op)
    {
        var outcome = Succeeds(U2, Ops($$"""{"op":"{{op}}","path":"emails[type eq \"work\"].value","value":"user2.work@example.com"}"""));

        AssertJson(
            """[{"value":"user2@example.com","primary":true},{"type":"work","value":"user2.work@example.com"}]""",
            outcome.Resource["emails"]);
    }

    [Fact]
    public void ReplaceFilteredSubAttribute_OtherElements_AreUntouched()
    {
        var resource = """
            {"userName":"u","phoneNumbers":[{"value":"1","type":"work"},{"value":"2","type":"mobile","primary":true}]}
            """;

        var outcome = Succeeds(resource, Ops("""{"op":"replace","path":"phoneNumbers[type eq \"work\"].value","value":"3"}"""));

        AssertJson("""[{"value":"3","type":"work"},{"value":"2","type":"mobile","primary":true}]""", outcome.Resource["phoneNumbers"]);
    }

    [Fact]
    public void SeveralFilteredOps_SameTypedAddress_LandInOneElement()
    {
        var outcome = Succeeds(U1, Ops("""
            {"op":"replace","path":"addresses[type eq \"work\"].streetAddress","value":"1 Main St"},
            {"op":"replace","path":"addresses[type eq \"work\"].locality","value":"Springfield"},
            {"op":"add","path":"addresses[type eq \"work\"].postalCode","value":"62701"}
            """));

        AssertJson(
            """[{"type":"work","streetAddress":"1 Main St","locality":"Springfield","postalCode":"62701"}]""",
            outcome.Resource["addresses"]);
    }

    [Fact]
    public void Patch_MixedFilteredReplacesAndEnterpriseAdd_AppliesAllTogether()
    {
        var outcome = Succeeds(U1, Ops($$"""
            {"op":"Replace","path":"emails[type eq \"work\"].value","value":"user1@example.org"},
            {"op":"Replace","path":"addresses[type eq \"work\"].formatted","value":"Building 7, Room 210"},
            {"op":"Add","path":"{{Ent}}:department","value":"Retail"}
            """));

        Assert.Equal("user1@example.org", (string?)outcome.Resource["emails"]![0]!["value"]);
        AssertJson("""[{"type":"work","formatted":"Building 7, Room 210"}]""", outcome.Resource["addresses"]);
        Assert.Equal("Retail", (string?)outcome.Resource[Ent]!["department"]);
    }

    [Fact]
    public void Patch_LastOperationInvalid_AppliesNothing()
    {
        var resource = JsonNode.Parse(U1)!.AsObject();
        var request = System.Text.Json.JsonSerializer.Deserialize<PatchRequest>(Ops($$"""
            {"op":"Replace","path":"emails[type eq \"work\"].value","value":"user1@example.org"},
            {"op":"Add","path":"{{Ent}}:department","value":"Retail"},
            {"op":"Replace","path":"active","value":"maybe"}
            """))!;

        var result = PatchEngine.Apply(resource, request, ResourceTypeDefinition.User);

        Assert.Equal("invalidValue", result.Error!.ScimType);
        Assert.Contains("active", result.Error.Detail, StringComparison.Ordinal);
        AssertJson(U1, resource);
    }

    [Fact]
    public void Replace_PlainStringValue_SetsSingleValuedAttribute()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"Replace","path":"displayName","value":"Casey Example"}"""));

        Assert.Equal("Casey Example", (string?)outcome.Resource["displayName"]);
    }

    [Fact]
    public void Patch_EntraUpdateCycleWithAddAndStringBoolean_AppliesAll()
    {
        var outcome = Succeeds(U1, Ops("""
            {"op":"Add","path":"title","value":"Engineer"},
            {"op":"Replace","path":"name.givenName","value":"Jordan"},
            {"op":"Replace","path":"active","value":"True"}
            """));

        Assert.Equal("Engineer", (string?)outcome.Resource["title"]);
        Assert.Equal("Jordan", (string?)outcome.Resource["name"]!["givenName"]);
        Assert.Equal("One", (string?)outcome.Resource["name"]!["familyName"]);
        Assert.True((bool)outcome.Resource["active"]!);
    }

    [Fact]
    public void Patch_EntraDefaultMappings_StoresAllCoreAndEnterpriseValues()
    {
        var outcome = Succeeds(U1, Ops($$"""
            {"op":"Add","path":"phoneNumbers[type eq \"work\"].value","value":"+1 555 0100"},
            {"op":"Add","path":"phoneNumbers[type eq \"mobile\"].value","value":"+1 555 0199"},
            {"op":"Replace","path":"addresses[type eq \"work\"].locality","value":"Springfield"},
            {"op":"Replace","path":"preferredLanguage","value":"en-US"},
            {"op":"Add","path":"{{Ent}}:department","value":"Finance"},
            {"op":"Add","path":"{{Ent}}:employeeNumber","value":"E-2002"}
            """));

        AssertJson("""[{"type":"work","value":"+1 555 0100"},{"type":"mobile","value":"+1 555 0199"}]""", outcome.Resource["phoneNumbers"]);
        AssertJson("""[{"type":"work","locality":"Springfield"}]""", outcome.Resource["addresses"]);
        Assert.Equal("en-US", (string?)outcome.Resource["preferredLanguage"]);
        AssertJson("""{"department":"Finance","employeeNumber":"E-2002"}""", outcome.Resource[Ent]);
        Assert.Empty(outcome.IgnoredAttributes);
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:extension:acme:2.0:User:costCenter")]
    [InlineData("nosuchattr")]
    [InlineData("emails[type eq \\\"work\\\"].label")]
    [InlineData("name.nickname2")]
    public void Patch_PathOutsidePublishedSchemas_IsIgnoredAndReported(string path)
    {
        var outcome = Succeeds(U1, Ops($$"""{"op":"Add","path":"{{path}}","value":"x"},{"op":"Add","path":"title","value":"T"}"""));

        Assert.Equal([path.Replace("\\\"", "\"", StringComparison.Ordinal)], outcome.IgnoredAttributes);
        Assert.Equal("T", (string?)outcome.Resource["title"]);
    }

    [Theory]
    [InlineData("emails[type eq")]
    [InlineData("emails[type eq \\\"work\\\"")]
    [InlineData("name..givenName")]
    [InlineData("foo:bar")]
    public void Patch_MalformedPath_Returns400InvalidPath(string path)
    {
        var error = Fails(U1, Ops($$"""{"op":"replace","path":"{{path}}","value":"x"}"""));

        Assert.Equal(400, error.Status);
        Assert.Equal("invalidPath", error.ScimType);
    }

    [Theory]
    [InlineData("userName.x")]
    [InlineData("active.value")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department.x")]
    public void Patch_SubAttributeOfSimpleAttribute_Returns400InvalidPath(string path)
    {
        var error = Fails(U1, Ops($$"""{"op":"replace","path":"{{path}}","value":"x"}"""));

        Assert.Equal("invalidPath", error.ScimType);
        Assert.Contains("has no sub-attributes", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("meta")]
    [InlineData("meta.created")]
    [InlineData("groups")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.$ref")]
    public void Patch_ReadOnlyPath_Returns400Mutability(string path)
    {
        var error = Fails(U1, Ops($$"""{"op":"replace","path":"{{path}}","value":"x"}"""));

        Assert.Equal("mutability", error.ScimType);
    }

    [Fact]
    public void Remove_WithoutPath_Returns400NoTarget()
    {
        Assert.Equal("noTarget", Fails(U1, Ops("""{"op":"remove"}""")).ScimType);
    }

    [Fact]
    public void Remove_UserName_Returns400InvalidValue()
    {
        var error = Fails(U1, Ops("""{"op":"remove","path":"userName"}"""));

        Assert.Equal("invalidValue", error.ScimType);
        Assert.Equal("userName is required.", error.Detail);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void Replace_EmptyValueOnOptionalAttribute_ClearsIt(string value)
    {
        var outcome = Succeeds(U1, Ops($$"""{"op":"replace","path":"nickName","value":{{value}}}"""));

        Assert.False(outcome.Resource.ContainsKey("nickName"));
    }

    [Fact]
    public void Remove_SubAttribute_RemovesOnlyIt()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"remove","path":"name.givenName"}"""));

        AssertJson("""{"familyName":"One"}""", outcome.Resource["name"]);
    }

    [Fact]
    public void Remove_FilteredElements_RemovesMatchesAndEmptyAttribute()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"remove","path":"emails[type eq \"WORK\"]"}"""));

        Assert.False(outcome.Resource.ContainsKey("emails"));
    }

    [Fact]
    public void Remove_FilteredSubAttribute_RemovesItFromMatchesOnly()
    {
        var resource = """{"userName":"u","emails":[{"value":"a","type":"work"},{"value":"b","type":"home"}]}""";

        var outcome = Succeeds(resource, Ops("""{"op":"remove","path":"emails[value eq \"a\"].type"}"""));

        AssertJson("""[{"value":"a"},{"value":"b","type":"home"}]""", outcome.Resource["emails"]);
    }

    [Fact]
    public void Remove_AbsentAttribute_IsNoOp()
    {
        var outcome = Succeeds(U2, Ops("""{"op":"remove","path":"title"},{"op":"remove","path":"addresses[type eq \"work\"]"},{"op":"remove","path":"name.givenName"}"""));

        AssertJson(U2, outcome.Resource);
    }

    [Fact]
    public void Remove_MultiValuedWithValueList_RemovesOnlyListed()
    {
        var resource = """{"userName":"u","emails":[{"value":"a@x"},{"value":"b@x"},{"value":"c@x"}]}""";

        var outcome = Succeeds(resource, Ops("""{"op":"Remove","path":"emails","value":[{"value":"B@X"},{"value":"zz"}]}"""));

        AssertJson("""[{"value":"a@x"},{"value":"c@x"}]""", outcome.Resource["emails"]);
    }

    [Fact]
    public void Replace_MultiValuedWithoutFilter_ReplacesAllElements()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"replace","path":"emails","value":[{"value":"new@x","type":"home"}]}"""));

        AssertJson("""[{"value":"new@x","type":"home"}]""", outcome.Resource["emails"]);
    }

    [Fact]
    public void Add_ExistingElement_IsNoOp()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"add","path":"emails","value":[{"Value":"user1@example.com","type":"work","primary":"True"}]}"""));

        AssertJson(U1, outcome.Resource);
    }

    [Fact]
    public void Add_NewPrimaryElement_DemotesPreviousPrimary()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"add","path":"emails","value":[{"value":"home@x","type":"home","primary":true}]}"""));

        AssertJson(
            """[{"value":"user1@example.com","type":"work","primary":false},{"value":"home@x","type":"home","primary":true}]""",
            outcome.Resource["emails"]);
    }

    [Fact]
    public void Replace_PrimaryOnFilteredElement_DemotesOthers()
    {
        var resource = """{"userName":"u","emails":[{"value":"a","type":"work","primary":true},{"value":"b","type":"home"}]}""";

        var outcome = Succeeds(resource, Ops("""{"op":"replace","path":"emails[type eq \"home\"].primary","value":"True"}"""));

        AssertJson("""[{"value":"a","type":"work","primary":false},{"value":"b","type":"home","primary":true}]""", outcome.Resource["emails"]);
    }

    [Fact]
    public void Replace_ArrayWithTwoPrimaries_Returns400InvalidValue()
    {
        var error = Fails(U1, Ops("""{"op":"replace","path":"emails","value":[{"value":"a","primary":true},{"value":"b","primary":true}]}"""));

        Assert.Equal("invalidValue", error.ScimType);
    }

    [Fact]
    public void ReplaceFilteredElement_ObjectValue_MergesIntoMatch()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"replace","path":"emails[type eq \"work\"]","value":{"value":"n@x","display":"N"}}"""));

        AssertJson("""[{"value":"n@x","type":"work","primary":true,"display":"N"}]""", outcome.Resource["emails"]);
    }

    [Fact]
    public void Replace_CapitalisedSubAttributeInPath_UsesCanonicalName()
    {
        var outcome = Succeeds(U1, Ops("""{"op":"Replace","path":"emails[type eq \"other\"].Value","value":"o@x"},{"op":"Replace","path":"addresses[type eq \"other\"].Formatted","value":"F"}"""));

        AssertJson("""{"type":"other","value":"o@x"}""", outcome.Resource["emails"]![1]);
        AssertJson("""[{"type":"other","formatted":"F"}]""", outcome.Resource["addresses"]);
    }

    [Theory]
    [InlineData("type eq \\\"WORK\\\"", true)]
    [InlineData("value eq \\\"USER1@example.com\\\"", true)]
    [InlineData("primary eq true", true)]
    [InlineData("primary eq \\\"True\\\"", true)]
    [InlineData("primary eq false", false)]
    [InlineData("value co \\\"@EXAMPLE\\\"", true)]
    [InlineData("value sw \\\"user1\\\"", true)]
    [InlineData("value ew \\\".org\\\"", false)]
    [InlineData("display pr", false)]
    [InlineData("type pr and not (value eq \\\"x\\\")", true)]
    [InlineData("type eq \\\"home\\\" or primary eq true", true)]
    public void ReplaceFiltered_FilterOperators_MatchWorkEmail(string filter, bool matches)
    {
        var outcome = Succeeds(U1, Ops($$"""{"op":"replace","path":"emails[{{filter}}].display","value":"D"}"""));

        Assert.Equal(matches, (string?)outcome.Resource["emails"]![0]!["display"] == "D");
    }

    [Fact]
    public void ReplaceFiltered_PrimaryStringFilterOnRoles_MatchesBooleanPrimary()
    {
        var resource = """{"userName":"u","roles":[{"value":"Admin","primary":true},{"value":"User","primary":false}]}""";

        var outcome = Succeeds(resource, Ops("""{"op":"Replace","path":"roles[primary eq \"True\"].value","value":"Owner"}"""));

        AssertJson("""[{"value":"Owner","primary":true},{"value":"User","primary":false}]""", outcome.Resource["roles"]);
    }

    [Fact]
    public void ReplaceFiltered_ExternalIdIsCaseExact_DoesNotMatchOtherCase()
    {
        var resource = """{"userName":"u","externalId":"Abc","emails":[{"value":"Abc"}]}""";

        var outcome = Succeeds(resource, Ops("""{"op":"replace","path":"emails[value eq \"abc\"].type","value":"work"}"""));

        AssertJson("""[{"value":"Abc","type":"work"}]""", outcome.Resource["emails"]);
    }

    [Fact]
    public void Patch_FilterOnSingleValuedAttribute_Returns400InvalidPath()
    {
        Assert.Equal("invalidPath", Fails(U1, Ops("""{"op":"replace","path":"name[givenName eq \"Alex\"]","value":"x"}""")).ScimType);
    }

    [Theory]
    [InlineData("title", "42")]
    [InlineData("title", "true")]
    [InlineData("name", "\"Alex\"")]
    [InlineData("active", "\"maybe\"")]
    public void Replace_WrongValueType_Returns400InvalidValue(string path, string value)
    {
        var error = Fails(U1, Ops($$"""{"op":"replace","path":"{{path}}","value":{{value}}}"""));

        Assert.Equal("invalidValue", error.ScimType);
        Assert.Contains(path, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Patch_UserMembersAreNotExternal_GroupsPathIsReadOnly()
    {
        Assert.Equal("mutability", Fails(U1, Ops("""{"op":"add","path":"groups","value":[{"value":"g1"}]}""")).ScimType);
    }
}
