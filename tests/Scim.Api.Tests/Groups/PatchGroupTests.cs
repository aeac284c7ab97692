using System.Net;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// PATCH /Groups/{id} (RFC 7644 §3.5.2) answers 204 No Content. Member operations are read in any op case and apply
/// in request order, as if sent one by one; a remove takes only the members listed or filtered, and without either it
/// clears the list; adding a member twice keeps one; an unknown member id is 400 naming only it and applies nothing; an
/// unknown attribute path is ignored; parallel adds all land.
/// </summary>
public sealed class PatchGroupTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("add")]
    [InlineData("Add")]
    [InlineData("ADD")]
    public async Task PatchGroup_AddMemberInAnyOpCase_AppendsIt_BC02(string op)
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"{{op}}","path":"members","value":[{"value":"{{f.U3}}"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_RemoveWithPathMembersAndValue_RemovesOnlyListed_BC05()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Remove","path":"members","value":[{"value":"{{f.U2}}"}]}]}
            """);

        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_RemoveWithNullRef_RemovesOnlyListed_BC06()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2, f.U3);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"{{f.U3}}"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_RemoveNonMember_IsSuccessfulNoOp_BC06()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Remove","path":"members","value":[{"value":"{{f.U3}}"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_RemoveByValueFilter_RemovesOnlyThatMember_BC06()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2, f.U3);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"remove","path":"members[value eq \"{{f.U2}}\"]"}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_RemoveMembersWithoutFilterOrValue_ClearsList_BC06()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2, f.U3);

        await f.PatchGroupOkAsync(g1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"remove","path":"members"}]}
            """);

        Assert.Empty(await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddMember_AppendsWithoutReplacing_BC08()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"{{f.U3}}"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddExistingMemberAgain_NoDuplicates_BC08()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"{{f.U2}}"},{"value":"{{f.U3}}"},{"value":"{{f.U3}}"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddMemberWithDisplayButNoType_AppliesIt_BC09()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members",
               "value":[{"value":"{{f.U2}}","display":"user2@example.com"}]}]}
            """);

        var group = await f.Client.GetScimAsync($"Groups/{g1}");
        var member = Assert.Single(group["members"]!.AsArray())!;
        Assert.Equal(f.U2, member["value"]!.GetValue<string>());
        Assert.Equal("User", member["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchGroup_ReplaceMembers_SetsExactList_BC11()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"members",
               "value":[{"value":"{{f.U2}}"},{"value":"{{f.U3}}"}]}]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U2, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_ReplaceMembersWithEmptyList_EmptiesGroup_BC11()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        await f.PatchGroupOkAsync(g1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"members","value":[]}]}
            """);

        Assert.Empty(await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_PathlessReplaceWithMembers_SetsExactList_BC16()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U2);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"members":[{"value":"{{f.U1}}"},{"value":"{{f.U3}}"}]}
             }]}
            """);

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_SyntacticallyInvalidPath_Is400InvalidPathScimError_BC16()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U2);

        var response = await f.Client.PatchJsonAsync($"Groups/{g1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"members[value eq \"x\"","value":"y"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        Assert.Equal([f.U2], await f.MemberIdsAsync(g1));
    }

    [Theory]
    [InlineData("members[foo eq \\\"x\\\"]")]
    [InlineData("members[value.x eq \\\"x\\\"]")]
    [InlineData("members[not (foo pr)]")]
    public async Task PatchGroup_RemoveWhereFilterNamesNoMemberSubAttribute_Is400InvalidPath(string path)
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        var response = await f.Client.PatchJsonAsync($"Groups/{g1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"remove","path":"{{path}}"}]}
            """);

        await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidPath");
        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_UnknownAttributePath_IsIgnored_BC16()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U2);

        var response = await f.Client.PatchJsonAsync($"Groups/{g1}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"nosuchattr","value":"x"},
                           {"op":"replace","path":"displayName","value":"Sales EMEA"}]}
            """);

        await response.AssertNoContentAsync();
        var group = await f.Client.GetScimAsync($"Groups/{g1}");
        Assert.Equal("Sales EMEA", group["displayName"]!.GetValue<string>());
        Assert.Equal([f.U2], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddWithOneUnknownMemberId_Is400NamingOnlyItAndAppliesNothing_BC42()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        var response = await f.Client.PatchJsonAsync($"Groups/{g1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members",
               "value":[{"value":"{{f.U1}}"},{"value":"no-such-user-999"}]}]}
            """);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        var detail = error["detail"]!.GetValue<string>();
        Assert.Contains("no-such-user-999", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(f.U1, detail, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddWithManyUnknownMemberIds_Is400NamingTheFirst20AndCountingTheRest()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();
        var unknown = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid().ToString()).ToList();

        var response = await f.Client.PatchJsonAsync($"Groups/{g1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{{string.Join(",", unknown.Select(id => $$"""{"value":"{{id}}"}"""))}}]}]}
            """);

        var detail = (await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue"))["detail"]!.GetValue<string>();
        Assert.All(unknown.Take(20), id => Assert.Contains(id, detail, StringComparison.Ordinal));
        Assert.All(unknown.Skip(20), id => Assert.DoesNotContain(id, detail, StringComparison.Ordinal));
        Assert.Contains(" and 10 more; nothing was changed.", detail, StringComparison.Ordinal);
        Assert.Empty(await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_ReplaceWithUnknownMemberId_Is400AndKeepsMembers_BC42()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);
        var unknown = Guid.NewGuid().ToString();

        var response = await f.Client.PatchJsonAsync($"Groups/{g1}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"members","value":[{"value":"{{f.U2}}"},{"value":"{{unknown}}"}]}]}
            """);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains(unknown, error["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_EmptyOperations_IsNoOp_BC23()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);
        var before = await f.Client.GetScimAsync($"Groups/{g1}");

        await f.PatchGroupOkAsync(g1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}
            """);

        var after = await f.Client.GetScimAsync($"Groups/{g1}");
        Assert.Equal(before["meta"]!["lastModified"]!.GetValue<string>(), after["meta"]!["lastModified"]!.GetValue<string>());
        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

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

    [Fact]
    public async Task PatchGroup_PathlessReplaceOfExternalIdAndDisplayName_Updates()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(g1, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Replace","value":{"externalId":"grp-ext-9","displayName":"Sales NA"}}]}
            """);

        var group = await f.Client.GetScimAsync($"Groups/{g1}");
        Assert.Equal("grp-ext-9", group["externalId"]!.GetValue<string>());
        Assert.Equal("Sales NA", group["displayName"]!.GetValue<string>());
        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_AddAndRemoveSameMemberInOnePatch_EndsWithoutIt()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"{{f.U2}}"}]},
                           {"op":"Remove","path":"members","value":[{"value":"{{f.U2}}"}]}]}
            """);

        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Theory]
    [MemberData(nameof(ContentTypes.All), MemberType = typeof(ContentTypes))]
    public async Task PatchGroup_AnyScimOrJsonContentType_IsParsed_BC35(string contentType)
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        var response = await f.Client.PatchAsync($"Groups/{g1}", ScimHttp.Json($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"{{f.U1}}"}]}]}
            """, contentType));

        await response.AssertNoContentAsync();
        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task PatchGroup_ParallelMemberAdds_AllLand()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        await Task.WhenAll(new[] { f.U1, f.U2, f.U3 }.Select(id => f.PatchGroupOkAsync(g1, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"{{id}}"}]}]}
            """)));

        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2, f.U3), await f.MemberIdsAsync(g1));
    }
}
