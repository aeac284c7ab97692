using System.Net;
using Scim.Api.Tests.Infrastructure;
using Scim.Application.Features.Groups;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// GET /Groups and POST /Groups/.search (RFC 7644 §3.4.2, §3.4.3) answer 200 with a ListResponse. displayName matches
/// in any case, with spaces and non-ASCII characters, in either URL encoding; externalId matches; no match is an empty
/// list; excludedAttributes=members drops the key; pages follow creation order; a member filter is answered from the
/// member table's index.
/// </summary>
public sealed class ListGroupsTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("Groups?filter=displayName%20eq%20%22FINANCE%20TEAM%22")]
    [InlineData("Groups?filter=DISPLAYNAME%20Eq%20%22finance%20team%22")]
    [InlineData("Groups?excludedAttributes=members&filter=displayName+eq+%22finance+TEAM%22")]
    public async Task ListGroups_DisplayName_MatchesInAnyCase_BC24(string uri)
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Finance Team"}""");
        await client.CreateGroupAsync("""{"displayName":"Finance"}""");

        var list = await client.GetListAsync(uri);

        Assert.Equal(1, list.TotalResults());
        Assert.Equal("Finance Team", list["Resources"]![0]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListGroups_ExternalIdEq_Is200WithMatchesOrEmpty_BC25()
    {
        var client = await factory.CreateScimClientAsync();

        var empty = await client.GetListAsync("Groups?filter=externalId%20eq%20%22grp-ext-1%22");
        Assert.Equal(0, empty.TotalResults());

        var id = await client.CreateGroupAsync("""{"displayName":"Ops","externalId":"grp-ext-1"}""");
        var found = await client.GetListAsync("Groups?filter=externalId%20eq%20%22grp-ext-1%22");
        Assert.Equal(1, found.TotalResults());
        Assert.Equal(id, found["Resources"]![0]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Groups?excludedAttributes=members&filter=displayName+eq+%22Sales+Team+EMEA%22")]
    [InlineData("Groups?excludedAttributes=members&filter=displayName%20eq%20%22Sales%20Team%20EMEA%22")]
    public async Task ListGroups_QuotedValueWithSpaces_Matches_BC26(string uri)
    {
        var f = await FixtureF.CreateAsync(factory);
        var id = await f.Client.CreateGroupAsync($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales Team EMEA","members":[{"value":"{{f.U1}}"}]}
            """);
        await f.Client.CreateGroupAsync("""{"displayName":"Sales Team"}""");

        var list = await f.Client.GetListAsync(uri);

        Assert.Equal(1, list.TotalResults());
        var group = list["Resources"]![0]!.AsObject();
        Assert.Equal(id, group["id"]!.GetValue<string>());
        Assert.Equal("Sales Team EMEA", group["displayName"]!.GetValue<string>());
        Assert.False(group.ContainsKey("members"));
    }

    [Theory]
    [InlineData("Groups?filter=displayName%20eq%20%22Jos%C3%A9's%20Team%22")]
    [InlineData("Groups?filter=displayName%20eq%20%22Jos%C3%A9%27s%20Team%22")]
    [InlineData("Groups?filter=displayName%20eq%20%22Jos%5Cu00e9's%20Team%22")]
    [InlineData("Groups?filter=displayName%20eq%20%22JOS%C3%89'S%20TEAM%22")]
    public async Task ListGroups_NonAsciiValue_Matches_BC28(string uri)
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"José's Team"}""");

        var list = await client.GetListAsync(uri);

        Assert.Equal(1, list.TotalResults());
        Assert.Equal("José's Team", list["Resources"]![0]!["displayName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"displayName eq \"José's Team\"","startIndex":1,"count":10}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"displayName eq \"Jos\\u00e9's Team\"","startIndex":1,"count":10}""")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"displayName eq \"Jos\u00e9's Team\""}""")]
    public async Task SearchGroups_NonAsciiValue_Matches_BC28(string body)
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"José's Team"}""");
        await client.CreateGroupAsync("""{"displayName":"Jose's Team"}""");

        var response = await client.PostJsonAsync("Groups/.search", body);

        var list = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", list["schemas"]![0]!.GetValue<string>());
        Assert.Equal(1, list.TotalResults());
        Assert.Equal("José's Team", list["Resources"]![0]!["displayName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Groups?excludedAttributes=members&filter=displayName%20eq%20%22nobody%22")]
    [InlineData("Groups?filter=id%20eq%20%2200000000-0000-0000-0000-000000000000%22")]
    public async Task ListGroups_NoMatch_Is200EmptyListResponse_BC29(string uri)
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetListAsync(uri);

        Assert.Equal(0, list.TotalResults());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ListGroups_ExcludedAttributesMembers_HasNoMembersKey()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.CreateSalesGroupAsync(f.U1, f.U2);

        var list = await f.Client.GetListAsync("Groups?excludedAttributes=members");

        var group = Assert.Single(list["Resources"]!.AsArray())!.AsObject();
        Assert.Equal("Sales", group["displayName"]!.GetValue<string>());
        Assert.False(group.ContainsKey("members"));
    }

    [Theory]
    [InlineData("Groups?excludedAttributes=members&filter=displayName eq \"5bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11\"")]
    [InlineData("Groups?excludedAttributes=members&filter=displayName+eq+%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22&aadOptscim062020")]
    public async Task ListGroups_TestConnectionWithRandomValue_Is200EmptyListResponse(string uri)
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.GetAsync(uri);

        await response.AssertEmptyListResponseAsync();
    }

    [Theory]
    [InlineData("Groups?excludedAttributes=members&filter=displayName+eq+%22Sales%22")]
    [InlineData("Groups?aadOptscim062020&excludedAttributes=members&filter=displayName%20eq%20%22sales%22")]
    public async Task ListGroups_MatchingQueryInPlusOrPercentEncoding_FindsGroupWithoutMembers(string uri)
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        var list = await f.Client.GetListAsync(uri);

        Assert.Equal(1, list.TotalResults());
        var group = list["Resources"]![0]!.AsObject();
        Assert.Equal(g1, group["id"]!.GetValue<string>());
        Assert.False(group.ContainsKey("members"));
    }

    [Fact]
    public async Task ListGroups_Paged_ReturnsRequestedPage()
    {
        var client = await factory.CreateScimClientAsync();
        foreach (var name in new[] { "A", "B", "C" })
        {
            await client.CreateGroupAsync($$"""{"displayName":"{{name}}"}""");
        }

        var list = await client.GetListAsync("Groups?startIndex=2&count=1&excludedAttributes=members");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal("B", Assert.Single(list["Resources"]!.AsArray())!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListGroups_MemberFilter_IsAnInSubqueryOnTheMemberTable()
    {
        var sql = await FilterSql.ToSqlAsync(factory, db => db.Groups, $"members[value eq \"{Guid.NewGuid()}\"]", GroupCatalogue.Catalogue.FilterMap);

        Assert.Matches("g\\.Id IN \\(\\s*SELECT \\w+\\.GroupId\\s+FROM group_members", sql);
    }
}
