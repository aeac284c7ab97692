using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>Several member operations in one PATCH apply in request order, as if sent one by one.</summary>
public sealed class MemberOperationOrderTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task PatchGroup_AddRemoveAddSameMember_EndsAsMember()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"add","path":"members","value":[{"value":"{{f.U1}}"}]},
              {"op":"remove","path":"members[value eq \"{{f.U1}}\"]"},
              {"op":"add","path":"members","value":[{"value":"{{f.U1}}"}]}]}
            """);

        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddThenReplaceWithSameMember_KeepsOnlyReplacement()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U2);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"add","path":"members","value":[{"value":"{{f.U1}}"},{"value":"{{f.U3}}"}]},
              {"op":"replace","path":"members","value":[{"value":"{{f.U1}}"}]}]}
            """);

        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddThenRemoveByTypeFilter_RemovesExistingAndPendingUsers()
    {
        var f = await FixtureF.CreateAsync(factory);
        var nested = await f.Client.CreateGroupAsync("""{"displayName":"Nested"}""");
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"add","path":"members","value":[{"value":"{{f.U2}}"},{"value":"{{nested}}"}]},
              {"op":"remove","path":"members[type eq \"User\"]"},
              {"op":"add","path":"members","value":[{"value":"{{f.U3}}"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(nested, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddingAGroupThatContainsThisGroup_Returns400AndChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);
        var outer = await f.CreateSalesGroupAsync(f.U1);
        var middle = await f.Client.CreateGroupAsync($$"""{"displayName":"Middle","members":[{"value":"{{outer}}"}]}""");
        var inner = await f.Client.CreateGroupAsync($$"""{"displayName":"Inner","members":[{"value":"{{middle}}"}]}""");

        var response = await f.Client.PatchJsonAsync($"Groups/{outer}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"add","path":"members","value":[{"value":"{{f.U2}}"},{"value":"{{inner}}"}]}]}
            """);

        var error = await response.AssertScimErrorAsync(System.Net.HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("cycle", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([f.U1], await f.MemberIdsAsync(outer));
    }
}
