using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Filtering;

/// <summary>Filters that broke other SCIM servers (BC24–BC29): case, externalId, spaces, non-ASCII, no match.</summary>
public sealed class FilterFieldReportTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("Users?filter=userName%20eq%20%22pat.example%40example.com%22")]
    [InlineData("Users?filter=USERNAME%20EQ%20%22PAT.EXAMPLE%40EXAMPLE.COM%22")]
    [InlineData("Users?filter=userName%20sw%20%22PAT.%22")]
    [InlineData("Users?filter=userName%20ew%20%22%40EXAMPLE.com%22")]
    [InlineData("Users?filter=userName%20co%20%22EXAMPLE%40%22")]
    [InlineData("Users?filter=emails.value%20eq%20%22PAT.EXAMPLE%40EXAMPLE.COM%22")]
    [InlineData("Users?filter=emails%5Btype%20eq%20%22work%22%5D.value%20eq%20%22pat.example%40example.com%22")]
    public async Task ListUsers_CaseInsensitiveAttributes_MatchInAnyCase_BC24(string uri)
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateUserAsync("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Pat.Example@Example.com",
             "emails":[{"value":"Pat.Example@Example.com","type":"work","primary":true}]}
            """);
        await client.CreateUserAsync("""{"userName":"someone.else@example.org"}""");

        var list = await client.GetListAsync(uri);

        Assert.Equal(1, list.TotalResults());
        Assert.Equal("Pat.Example@Example.com", list["Resources"]![0]!["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListUsers_NeOnUserName_IsCaseInsensitive_BC24()
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateUserAsync("""{"userName":"Pat.Example@Example.com"}""");
        await client.CreateUserAsync("""{"userName":"someone.else@example.org"}""");

        var list = await client.GetListAsync("Users?filter=userName%20ne%20%22PAT.EXAMPLE%40EXAMPLE.COM%22");

        Assert.Equal(1, list.TotalResults());
        Assert.Equal("someone.else@example.org", list["Resources"]![0]!["userName"]!.GetValue<string>());
    }

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
    public async Task ListUsers_ExternalIdEq_FindsUser_BC25()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"user7@example.com",
             "externalId":"9b2e6f4a-0c1d-4e8f-a7b3-5d6c7e8f9a01"}
            """);

        var found = await client.GetListAsync("Users?filter=externalId%20eq%20%229b2e6f4a-0c1d-4e8f-a7b3-5d6c7e8f9a01%22");
        var missing = await client.GetListAsync("Users?filter=externalId%20eq%20%2200000000-0000-0000-0000-000000000000%22");

        Assert.Equal(1, found.TotalResults());
        Assert.Equal(id, found["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0, missing.TotalResults());
        Assert.Empty(missing["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ListUsers_ExternalIdEq_IsCaseExact_BC25()
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateUserAsync("""{"userName":"user7@example.com","externalId":"AbC-123"}""");

        Assert.Equal(1, (await client.GetListAsync("Users?filter=externalId%20eq%20%22AbC-123%22")).TotalResults());
        Assert.Equal(0, (await client.GetListAsync("Users?filter=externalId%20eq%20%22abc-123%22")).TotalResults());
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

    [Fact]
    public async Task SearchUsers_PostSearch_FindsUser()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.PostJsonAsync("Users/.search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq \"USER2@example.com\"","attributes":["userName"]}
            """);

        var list = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.TotalResults());
        Assert.Equal(f.U2, list["Resources"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListUsers_NoMatch_Is200EmptyListResponse_BC29()
    {
        var f = await FixtureF.CreateAsync(factory);

        var response = await f.Client.GetAsync("Users?filter=userName%20eq%20%22nobody%40example.com%22");

        var list = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(["urn:ietf:params:scim:api:messages:2.0:ListResponse"], list["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(0, list.TotalResults());
        Assert.Equal(1, list["startIndex"]!.GetValue<int>());
        Assert.Equal(0, list["itemsPerPage"]!.GetValue<int>());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Theory]
    [InlineData("Groups?excludedAttributes=members&filter=displayName%20eq%20%22nobody%22")]
    [InlineData("Groups?filter=id%20eq%20%2200000000-0000-0000-0000-000000000000%22")]
    [InlineData("Users?filter=id%20eq%20%22not-a-guid%22")]
    public async Task List_NoMatch_Is200EmptyListResponse_BC29(string uri)
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetListAsync(uri);

        Assert.Equal(0, list.TotalResults());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ListUsers_AndOfTwoMatchingAttributes_Matches()
    {
        var f = await FixtureF.CreateAsync(factory);

        var hit = await f.Client.GetListAsync($"Users?filter=id%20eq%20%22{f.U1}%22%20and%20userName%20eq%20%22user1%40example.com%22&attributes=id");
        var miss = await f.Client.GetListAsync($"Users?filter=id%20eq%20%22{f.U1}%22%20and%20userName%20eq%20%22user2%40example.com%22");

        Assert.Equal(1, hit.TotalResults());
        Assert.Equal(0, miss.TotalResults());
    }
}
