using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;
using static Scim.Protocol.Tests.Patching.PatchKit;

namespace Scim.Protocol.Tests.Patching;

public class PatchEngineGroupTests
{
    private static MemberOperation Single(PatchOutcome outcome)
    {
        var operation = Assert.Single(outcome.MemberOperations);
        AssertJson(G1, outcome.Resource);
        return operation;
    }

    [Theory]
    [InlineData("add")]
    [InlineData("Add")]
    public void AddMembers_AnyOpCasing_ReportsAddMembers(string op)
    {
        var outcome = SucceedsOnGroup(Ops($$"""{"op":"{{op}}","path":"members","value":[{"value":"u3"}]}"""));

        var add = Assert.IsType<AddMembers>(Single(outcome));
        Assert.Equal([new MemberValue("u3", null)], add.Members);
    }

    [Fact]
    public void AddMembers_LegacyRefNull_ReportsAddMembers()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"Add","path":"members","value":[{"$ref":null,"value":"u1"},{"value":"u2"}]}"""));

        Assert.Equal(["u1", "u2"], Assert.IsType<AddMembers>(Single(outcome)).Members.Select(m => m.Value));
    }

    [Fact]
    public void AddMembers_WithDisplayAndRef_IgnoresThemAsReadOnly()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"add","path":"members","value":[{"value":"u2","display":"user2@example.com","$ref":"https://x/Users/u2"}]}"""));

        Assert.Equal([new MemberValue("u2", null)], Assert.IsType<AddMembers>(Single(outcome)).Members);
    }

    [Fact]
    public void AddMembers_UnknownId_IsReportedForTheCallerToCheck()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"add","path":"members","value":[{"value":"u1"},{"value":"no-such-user-999","type":"User"}]}"""));

        Assert.Equal(
            [new MemberValue("u1", null), new MemberValue("no-such-user-999", "User")],
            Assert.IsType<AddMembers>(Single(outcome)).Members);
    }

    [Fact]
    public void AddMembers_SingleObjectValue_IsWrapped()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"add","path":"members","value":{"value":"u1"}}"""));

        Assert.Equal("u1", Assert.IsType<AddMembers>(Single(outcome)).Members[0].Value);
    }

    [Theory]
    [InlineData("""[{"display":"x"}]""")]
    [InlineData("""[{"value":""}]""")]
    [InlineData("""[{"value":7}]""")]
    [InlineData("""["u1"]""")]
    public void AddMembers_ElementWithoutStringValue_Returns400InvalidValue(string value)
    {
        var error = Fails(G1, Ops($$"""{"op":"add","path":"members","value":{{value}}}"""), ResourceTypeDefinition.Group, Members);

        Assert.Equal("invalidValue", error.ScimType);
    }

    [Fact]
    public void AddMembers_EmptyArray_ReportsNothing()
    {
        Assert.Empty(SucceedsOnGroup(Ops("""{"op":"add","path":"members","value":[]}""")).MemberOperations);
    }

    [Fact]
    public void RemoveMembers_LegacyValueList_RemovesOnlyListed()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"Remove","path":"members","value":[{"value":"u2"}]}"""));

        Assert.Equal(["u2"], Assert.IsType<RemoveMembers>(Single(outcome)).Ids);
    }

    [Fact]
    public void RemoveMembers_LegacyValueListWithRefNull_RemovesOnlyListed()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"Remove","path":"members","value":[{"$ref":null,"value":"u3"}]}"""));

        Assert.Equal(["u3"], Assert.IsType<RemoveMembers>(Single(outcome)).Ids);
    }

    [Fact]
    public void RemoveMembers_ValueEqFilter_RemovesThatMember()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"remove","path":"members[value eq \"u2\"]"}"""));

        Assert.Equal(["u2"], Assert.IsType<RemoveMembers>(Single(outcome)).Ids);
    }

    [Fact]
    public void RemoveMembers_OrChainOfValueEq_RemovesThoseMembers()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"remove","path":"members[value eq \"u1\" or VALUE eq \"u3\"]"}"""));

        Assert.Equal(["u1", "u3"], Assert.IsType<RemoveMembers>(Single(outcome)).Ids);
    }

    [Fact]
    public void RemoveMembers_OtherFilter_ReportsRemoveMembersWhere()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"remove","path":"members[type eq \"Group\"]"}"""));

        Assert.Equal("Group", Assert.IsType<RemoveMembersWhere>(Single(outcome)).Filter switch
        {
            Scim.Filtering.Ast.ComparisonFilter c => c.Value.Value as string,
            _ => null,
        });
    }

    [Fact]
    public void RemoveMembers_NoValueNoFilter_ClearsGroup()
    {
        Assert.IsType<ClearMembers>(Single(SucceedsOnGroup(Ops("""{"op":"remove","path":"members"}"""))));
    }

    [Fact]
    public void ReplaceMembers_List_ReportsReplaceMembers()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"replace","path":"members","value":[{"value":"u2"},{"value":"u3"}]}"""));

        Assert.Equal(["u2", "u3"], Assert.IsType<ReplaceMembers>(Single(outcome)).Members.Select(m => m.Value));
    }

    [Fact]
    public void ReplaceMembers_EmptyList_EmptiesGroup()
    {
        Assert.Empty(Assert.IsType<ReplaceMembers>(Single(SucceedsOnGroup(Ops("""{"op":"replace","path":"members","value":[]}""")))).Members);
    }

    [Fact]
    public void PatchlessReplace_WithMembersKey_ReportsReplaceMembersAndAppliesOtherKeys()
    {
        var outcome = SucceedsOnGroup(Ops("""{"op":"replace","value":{"displayName":"Sales EMEA","members":[{"value":"u1"},{"value":"u3"}]}}"""));

        Assert.Equal(["u1", "u3"], Assert.IsType<ReplaceMembers>(Assert.Single(outcome.MemberOperations)).Members.Select(m => m.Value));
        Assert.Equal("Sales EMEA", (string?)outcome.Resource["displayName"]);
        Assert.False(outcome.Resource.ContainsKey("members"));
    }

    [Fact]
    public void MemberOperations_SeveralOps_KeepRequestOrder()
    {
        var outcome = SucceedsOnGroup(Ops("""
            {"op":"add","path":"members","value":[{"value":"u1"}]},
            {"op":"remove","path":"members[value eq \"u2\"]"},
            {"op":"replace","path":"displayName","value":"Renamed"}
            """));

        Assert.Collection(outcome.MemberOperations, o => Assert.IsType<AddMembers>(o), o => Assert.IsType<RemoveMembers>(o));
        Assert.Equal("Renamed", (string?)outcome.Resource["displayName"]);
    }

    [Fact]
    public void MemberOperations_LaterOpInvalid_ReturnsErrorOnly()
    {
        var result = Apply(G1, Ops("""
            {"op":"add","path":"members","value":[{"value":"u1"}]},
            {"op":"replace","path":"displayName","value":""}
            """), ResourceTypeDefinition.Group, Members);

        Assert.Equal("invalidValue", result.Error!.ScimType);
        Assert.Equal("displayName is required.", result.Error.Detail);
    }

    [Theory]
    [InlineData("""{"op":"Replace","path":"displayName","value":"Engineering (new)"}""")]
    [InlineData("""{"op":"replace","path":"displayName","value":"Engineering (new)"}""")]
    [InlineData("""{"op":"replace","value":{"displayName":"Engineering (new)"}}""")]
    public void ReplaceDisplayName_EntraAndValidatorShapes_Renames(string operation)
    {
        Assert.Equal("Engineering (new)", (string?)SucceedsOnGroup(Ops(operation)).Resource["displayName"]);
    }

    [Fact]
    public void PatchlessReplace_ExternalId_SetsIt()
    {
        Assert.Equal("ext-9", (string?)SucceedsOnGroup(Ops("""{"op":"replace","value":{"externalId":"ext-9"}}""")).Resource["externalId"]);
    }

    [Fact]
    public void AddMembersWithFilter_Returns400Mutability()
    {
        var error = Fails(G1, Ops("""{"op":"add","path":"members[value eq \"u1\"]","value":[{"value":"u1"}]}"""), ResourceTypeDefinition.Group, Members);

        Assert.Equal("mutability", error.ScimType);
    }

    [Fact]
    public void Members_WithoutExternalSet_ArePatchedInJson()
    {
        var outcome = Succeeds(G1, Ops("""{"op":"add","path":"members","value":[{"value":"u1"}]}"""), ResourceTypeDefinition.Group);

        Assert.Empty(outcome.MemberOperations);
        AssertJson("""[{"value":"u1"}]""", outcome.Resource["members"]);
    }
}
