using static Scim.Protocol.Tests.Patching.PatchKit;

namespace Scim.Protocol.Tests.Patching;

/// <summary>
/// The same change sent without and with Entra's <c>aadOptscim062020</c> flag must give the same resource
/// (Entra sends the legacy shapes without the flag and RFC 7644 shapes with it; both mean one change).
/// </summary>
public class PatchEngineEntraDialectTests
{
    public static TheoryData<string, string, string> LegacyAndFlagged => new()
    {
        {
            "nickName add",
            """{"op":"Add","path":"nickName","value":"Babs"}""",
            """{"op":"add","path":"nickName","value":"Babs"}"""
        },
        {
            "disable",
            """{"op":"Replace","path":"active","value":"False"}""",
            """{"op":"replace","path":"active","value":false}"""
        },
        {
            "enable",
            """{"op":"Replace","path":"active","value":"True"}""",
            """{"op":"replace","path":"active","value":true}"""
        },
        {
            "several attributes",
            """
            {"op":"Replace","path":"emails[type eq \"work\"].value","value":"alice.new@contoso.example"},
            {"op":"Replace","path":"displayName","value":"Alice Renamed"},
            {"op":"Replace","path":"name.givenName","value":"Alicia"},
            {"op":"Replace","path":"name.familyName","value":"Example"},
            {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"E-2002"}
            """,
            """
            {"op":"replace","path":"emails[type eq \"work\"].value","value":"alice.new@contoso.example"},
            {"op":"replace","value":{"displayName":"Alice Renamed","name.givenName":"Alicia","name.familyName":"Example",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"E-2002"}}
            """
        },
        {
            "enterprise attribute, pre-2018 dot separator",
            """{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department","value":"Platform"}""",
            """{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Platform"}"""
        },
        {
            "manager set",
            """{"op":"Add","path":"manager","value":[{"$ref":"../Users/m-1","value":"m-1"}]}""",
            """{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{"value":"m-1","$ref":"../Users/m-1"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(LegacyAndFlagged))]
    public void Patch_LegacyAndFlaggedShapes_GiveSameResource(string change, string legacy, string flagged)
    {
        var fromLegacy = Succeeds(U1, Ops(legacy));
        var fromFlagged = Succeeds(U1, Ops(flagged));

        Assert.True(change.Length > 0);
        AssertJson(fromFlagged.Resource.ToJsonString(), fromLegacy.Resource);
        Assert.Empty(fromLegacy.IgnoredAttributes);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("replace")]
    public void SetManager_BareStringId_StoresComplexValue(string op)
    {
        var outcome = Succeeds(U1, Ops($$"""{"op":"{{op}}","path":"{{Ent}}:manager","value":"m-2"}"""));

        AssertJson("""{"value":"m-2"}""", outcome.Resource[Ent]!["manager"]);
    }

    [Fact]
    public void ReplaceManager_BareStringId_DropsStaleRef()
    {
        var resource = $$"""{"userName":"u","{{Ent}}":{"manager":{"value":"m-1","$ref":"../Users/m-1"} } }""";

        var outcome = Succeeds(resource, Ops($$"""{"op":"replace","path":"{{Ent}}:manager","value":"m-2"}"""));

        AssertJson("""{"value":"m-2"}""", outcome.Resource[Ent]!["manager"]);
    }

    [Theory]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{"value":""}}""")]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":""}""")]
    [InlineData("""{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":null}""")]
    [InlineData("""{"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}""")]
    [InlineData("""{"op":"Remove","path":"manager"}""")]
    public void ClearManager_AnyEntraShape_RemovesManagerAndExtension(string operation)
    {
        var resource = $$"""{"userName":"u","{{Ent}}":{"manager":{"value":"m-1"} } }""";

        var outcome = Succeeds(resource, Ops(operation));

        Assert.False(outcome.Resource.ContainsKey(Ent));
        Assert.Equal([Scim.Protocol.Schemas.ScimSchemaUris.User], outcome.Resource["schemas"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void ClearManager_OtherEnterpriseValues_KeepExtension()
    {
        var resource = $$"""{"userName":"u","{{Ent}}":{"department":"R","manager":{"value":"m-1"} } }""";

        var outcome = Succeeds(resource, Ops($$"""{"op":"replace","path":"{{Ent}}:manager","value":{"value":""} }"""));

        AssertJson("""{"department":"R"}""", outcome.Resource[Ent]);
    }

    [Fact]
    public void AddExtensionUrnPath_ObjectValue_SetsEachAttribute()
    {
        var outcome = Succeeds(U1, Ops($$"""{"op":"add","path":"{{Ent}}","value":{"Department":"R","manager":"m-9","shoeSize":"9"} }"""));

        AssertJson("""{"department":"R","manager":{"value":"m-9"}}""", outcome.Resource[Ent]);
        Assert.Equal([$"{Ent}:shoeSize"], outcome.IgnoredAttributes);
    }

    [Fact]
    public void RemoveExtensionUrnPath_RemovesWholeExtension()
    {
        var resource = $$"""{"userName":"u","{{Ent}}":{"department":"R"} }""";

        Assert.False(Succeeds(resource, Ops($$"""{"op":"remove","path":"{{Ent}}"}""")).Resource.ContainsKey(Ent));
    }

    [Fact]
    public void AddRoles_EntraAssertiveReplace_ReplacesRoles()
    {
        var outcome = Succeeds(U1, Ops("""
            {"op":"replace","path":"roles","value":[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","display":"Admin","value":"Admin"}]}
            """));

        AssertJson("""[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","display":"Admin","value":"Admin"}]""", outcome.Resource["roles"]);
    }
}
