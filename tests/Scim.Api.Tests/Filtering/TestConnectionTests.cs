using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Filtering;

/// <summary>Entra's "Test Connection" and matching queries (entra-wire §2.1–2.2).</summary>
public sealed class TestConnectionTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("Users?filter=userName eq \"5bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11\"")]
    [InlineData("Users?filter=userName+eq+%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22")]
    [InlineData("Users?filter=externalId%20eq%20%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22")]
    [InlineData("Users?aadOptscim062020&filter=userName%20eq%20%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22")]
    [InlineData("Groups?excludedAttributes=members&filter=displayName eq \"5bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11\"")]
    [InlineData("Groups?excludedAttributes=members&filter=displayName+eq+%225bd6f4f1-9e5e-4f0e-9a7f-1c1e3e2c0c11%22&aadOptscim062020")]
    public async Task TestConnection_RandomValue_Is200EmptyListResponse(string uri)
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.GetAsync(uri);

        var list = await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", list["schemas"]![0]!.GetValue<string>());
        Assert.Equal(0, list.TotalResults());
        Assert.Empty(list["Resources"]!.AsArray());
        Assert.Equal(1, list["startIndex"]!.GetValue<int>());
        Assert.Equal(0, list["itemsPerPage"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("Users?filter=userName+eq+%22user1%40example.com%22")]
    [InlineData("Users?filter=userName%20eq%20%22user1%40example.com%22&aadOptscim062020")]
    [InlineData("Users?filter=userName eq \"user1@example.com\"")]
    public async Task MatchUser_PlusAndPercentEncoding_FindsUser(string uri)
    {
        var f = await FixtureF.CreateAsync(factory);

        var list = await f.Client.GetListAsync(uri);

        Assert.Equal(1, list.TotalResults());
        Assert.Equal(f.U1, list["Resources"]![0]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Groups?excludedAttributes=members&filter=displayName+eq+%22Sales%22")]
    [InlineData("Groups?aadOptscim062020&excludedAttributes=members&filter=displayName%20eq%20%22sales%22")]
    public async Task MatchGroup_PlusAndPercentEncoding_FindsGroupWithoutMembers(string uri)
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
    public async Task GetUser_UnknownQueryParameter_IsIgnored()
    {
        var f = await FixtureF.CreateAsync(factory);

        var user = await f.Client.GetScimAsync($"Users/{f.U1}?aadOptscim062020");

        Assert.Equal(f.U1, user["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchUser_UnknownQueryParameter_IsIgnored()
    {
        var f = await FixtureF.CreateAsync(factory);

        await f.PatchUserOkAsync($"{f.U1}?aadOptscim062020", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"title","value":"Lead"}]}
            """);

        Assert.Equal("Lead", (await f.GetUserAsync(f.U1))["title"]!.GetValue<string>());
    }
}
