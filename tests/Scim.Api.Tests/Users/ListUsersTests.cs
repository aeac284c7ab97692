using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Infrastructure;
using Scim.Application.Features.Users;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// GET /Users and POST /Users/.search (RFC 7644 §3.4.2, §3.4.3) answer 200 with a ListResponse. Filters match
/// case-insensitive attributes (userName, e-mails) in any case and externalId exactly; no match, as in Entra's Test
/// Connection with a random value, is an empty list; users come in creation order, in stable, disjoint pages; an e-mail
/// filter is answered from the e-mail value table's index.
/// </summary>
public sealed class ListUsersTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
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

    // Both kinds of case-insensitive comparison: a stored lower-case copy (userName, displayName, e-mail values) and
    // the column lower-cased by the database (title, name parts, e-mail types).
    [Theory]
    [InlineData("userName eq \"ÅSA.ÉCLAIR@EXAMPLE.COM\"")]
    [InlineData("displayName eq \"åsa éclair\"")]
    [InlineData("emails.value eq \"åsa.éclair@example.com\"")]
    [InlineData("title eq \"équipe rouge\"")]
    [InlineData("title co \"ÉQUIPE R\"")]
    [InlineData("name.givenName sw \"åS\"")]
    [InlineData("emails[type eq \"öFFENTLICH\"].value co \"éclair\"")]
    public async Task ListUsers_CaseInsensitiveAttributes_FoldLettersBeyondAscii(string filter)
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateUserAsync("""
            {"userName":"Åsa.Éclair@example.com","displayName":"Åsa Éclair","title":"Équipe Rouge","name":{"givenName":"Åsa"},
             "emails":[{"value":"Åsa.Éclair@example.com","type":"Öffentlich"}]}
            """);
        await client.CreateUserAsync("""{"userName":"someone.else@example.org","title":"Équipe Bleue"}""");

        var list = await client.GetListAsync($"Users?filter={Uri.EscapeDataString(filter)}");

        Assert.Equal("Åsa.Éclair@example.com", Assert.Single(list.Resources())["userName"]!.GetValue<string>());
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

    [Theory]
    [InlineData("Users/.search", "\"attributes\":[null]")]
    [InlineData("Users/.search", "\"excludedAttributes\":[\"userName\",null]")]
    [InlineData("Groups/.search", "\"attributes\":[null]")]
    public async Task SearchUsers_NullInAttributeList_Is400InvalidSyntax(string uri, string member)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync(uri, $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],{{member}}}""");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Contains("null", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
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

    [Fact]
    public async Task ListUsers_IdThatIsNoGuid_Is200EmptyListResponse_BC29()
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetListAsync("Users?filter=id%20eq%20%22not-a-guid%22");

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

    [Fact]
    public async Task ListUsers_LegacyReferenceAttributeCheck_FindsUserByIdAndManager()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.PatchUserOkAsync(f.U2, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{f.U1}}"}]}
            """);

        var list = await f.Client.GetListAsync($"Users?filter={Uri.EscapeDataString($"id eq \"{f.U2}\" and manager eq \"{f.U1}\"")}&attributes=id");

        Assert.Equal(1, list.TotalResults());
        Assert.Equal([f.U2], list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListUsers_AttributesId_ReturnsMinimalResources()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync($"Users?filter=id%20eq%20%22{f.U1}%22&attributes=id");

        var user = Assert.Single(list["Resources"]!.AsArray())!.AsObject();
        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
        Assert.False(user.ContainsKey("name"));
        Assert.False(user.ContainsKey("emails"));
    }

    [Theory]
    [InlineData("Users?filter=userName eq \"5bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11\"")]
    [InlineData("Users?filter=userName+eq+%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22")]
    [InlineData("Users?filter=externalId%20eq%20%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22")]
    [InlineData("Users?aadOptscim062020&filter=userName%20eq%20%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22")]
    public async Task ListUsers_TestConnectionWithRandomValue_Is200EmptyListResponse(string uri)
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.GetAsync(uri);

        await response.AssertEmptyListResponseAsync();
    }

    [Theory]
    [InlineData("Users?filter=userName+eq+%22user1%40example.com%22")]
    [InlineData("Users?filter=userName%20eq%20%22user1%40example.com%22&aadOptscim062020")]
    [InlineData("Users?filter=userName eq \"user1@example.com\"")]
    public async Task ListUsers_MatchingQueryInPlusOrPercentEncoding_FindsUser(string uri)
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync(uri);

        Assert.Equal(1, list.TotalResults());
        Assert.Equal(f.U1, list["Resources"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListUsers_WithoutPagingParameters_ReturnsAll_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(1, list["startIndex"]!.GetValue<int>());
        Assert.Equal(3, list["itemsPerPage"]!.GetValue<int>());
        Assert.Equal([f.U1, f.U2, f.U3], Ids(list));
    }

    [Fact]
    public async Task ListUsers_StartIndexOnly_ReturnsRest_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?startIndex=2");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(2, list["startIndex"]!.GetValue<int>());
        Assert.Equal([f.U2, f.U3], Ids(list));
    }

    [Fact]
    public async Task ListUsers_CountOnly_ReturnsFirstPage_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?count=2");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(2, list["itemsPerPage"]!.GetValue<int>());
        Assert.Equal([f.U1, f.U2], Ids(list));
    }

    [Fact]
    public async Task ListUsers_PagesAreStableAndDisjoint_BC33()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.Client.CreateUserAsync("""{"userName":"user4@example.com"}""");
        await f.Client.CreateUserAsync("""{"userName":"user5@example.com"}""");

        var pages = new List<string>();
        for (var start = 1; start <= 5; start += 2)
        {
            var page = await f.Client.GetListAsync($"Users?startIndex={start}&count=2");
            Assert.Equal(5, page.TotalResults());
            Assert.Equal(start, page["startIndex"]!.GetValue<int>());
            pages.AddRange(Ids(page));
        }

        var all = Ids(await f.Client.GetListAsync("Users"));
        Assert.Equal(all, pages);
        Assert.Equal(5, pages.Distinct().Count());
    }

    [Fact]
    public async Task ListUsers_CountZero_ReturnsTotalOnly()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?count=0");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(0, list["itemsPerPage"]!.GetValue<int>());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ListUsers_StartIndexBeyondEnd_ReturnsEmptyPageWithTotal()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?startIndex=10&count=5");

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(10, list["startIndex"]!.GetValue<int>());
        Assert.Equal(0, list["itemsPerPage"]!.GetValue<int>());
        Assert.Empty(list["Resources"]!.AsArray());
    }

    [Fact]
    public async Task ListUsers_StartIndexBelowOne_IsReadAsOne()
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync("Users?startIndex=0");

        Assert.Equal(1, list["startIndex"]!.GetValue<int>());
        Assert.Equal(3, Ids(list).Count);
    }

    [Theory]
    [InlineData("emails[type eq \"work\"].value eq \"alice@contoso.example\"")]
    [InlineData("emails.value eq \"alice@contoso.example\"")]
    [InlineData("emails co \"contoso\"")]
    public async Task ListUsers_EmailFilter_IsAnInSubqueryOnTheValueTable(string filter)
    {
        var sql = await FilterSql.ToSqlAsync(factory, db => db.Users, filter, UserCatalogue.Catalogue.FilterMap);

        Assert.Matches("u\\.Id IN \\(\\s*SELECT \\w+\\.UserId\\s+FROM user_values", sql);
        Assert.DoesNotContain("EXISTS", sql, StringComparison.Ordinal);
        // The value travels as a parameter (declared in the lines above the statement), never inside the statement.
        Assert.DoesNotContain("alice@contoso.example", FilterSql.StatementOf(sql), StringComparison.Ordinal);
    }

    private static List<string> Ids(JsonObject list) =>
        [.. list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>())];
}
