using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// The edges of the list parameters (RFC 7644 §3.4.2.4, §3.4.3): integers beyond any page are read as the largest page
/// or an index past the end, not as "not an integer"; a SearchRequest must say it is one; filters every resource meets
/// (a required attribute present) or none does list exactly as they should.
/// </summary>
public sealed class ListParameterTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Theory]
    [InlineData("Users?startIndex=99999999999", 0)]
    [InlineData("Users?startIndex=99999999999999999999999999&count=5", 0)]
    [InlineData("Users?count=99999999999", 3)]
    [InlineData("Users?count=-99999999999", 0)]
    [InlineData("Users?startIndex=-99999999999&count=2", 2)]
    public async Task Integers_beyond_the_range_of_any_page_read_as_its_bounds(string uri, int items)
    {
        var client = await factory.CreateScimClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.CreateUserAsync($$"""{"userName":"bound{{i}}@example.com"}""");
        }

        var list = await client.GetListAsync(uri);

        Assert.Equal(3, list.TotalResults());
        Assert.Equal(items, list.Resources().Count);
    }

    [Theory]
    [InlineData("Users/.search", """{"filter":"userName pr"}""")]
    [InlineData("Groups/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""")]
    [InlineData(".search", """{"schemas":null,"count":1}""")]
    public async Task A_search_body_without_the_SearchRequest_schema_is_400_invalidSyntax(string uri, string body)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync(uri, body);

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Contains("urn:ietf:params:scim:api:messages:2.0:SearchRequest", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Users", "userName pr", 3)]
    [InlineData("Users", "USERNAME pr and not (userName eq null)", 3)]
    [InlineData("Users", "userName pr and title eq \"Lead\"", 1)]
    [InlineData("Users", "userName pr or title eq \"Lead\"", 3)]
    [InlineData("Users", "not (userName pr)", 0)]
    [InlineData("Users", "userName eq null", 0)]
    [InlineData("Users", "not (userName pr) or title eq \"Lead\"", 1)]
    [InlineData("Groups", "displayName pr", 2)]
    [InlineData("Groups", "not (displayName pr)", 0)]
    public async Task A_filter_on_the_presence_of_a_required_attribute_holds_for_every_resource(string endpoint, string filter, int total)
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateUserAsync("""{"userName":"lead@example.com","title":"Lead"}""");
        await client.CreateUserAsync("""{"userName":"member@example.com"}""");
        await client.CreateUserAsync("""{"userName":"other@example.com","title":"Other"}""");
        await client.CreateGroupAsync("""{"displayName":"Red"}""");
        await client.CreateGroupAsync("""{"displayName":"Blue"}""");

        foreach (var page in new[] { "", "&count=1&startIndex=2", "&count=0" })
        {
            var list = await client.GetListAsync($"{endpoint}?filter={Uri.EscapeDataString(filter)}{page}");
            Assert.Equal(total, list.TotalResults());
        }

        var all = await client.GetListAsync($"{endpoint}?filter={Uri.EscapeDataString(filter)}&count=1&cursor=");
        Assert.Equal(Math.Min(total, 1), all.Resources().Count);
    }
}
