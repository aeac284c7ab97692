using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// The edges of the list parameters (RFC 7644 §3.4.2.4, §3.4.3): integers beyond any page are read as the largest page
/// or an index past the end, not as "not an integer"; a SearchRequest must say it is one; filters every resource meets
/// (a required attribute present) or none does list exactly as they should; a parameter that takes one value given
/// twice is refused, while the attribute lists given twice are one list.
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

    [Theory]
    [InlineData("Users", "count=1&count=5", "count")]
    [InlineData("Users", "startIndex=1&startIndex=2", "startIndex")]
    [InlineData("Users", "sortBy=userName&sortBy=displayName", "sortBy")]
    [InlineData("Users", "sortOrder=ascending&sortOrder=descending", "sortOrder")]
    [InlineData("Users", "filter=userName%20pr&filter=title%20pr", "filter")]
    [InlineData("Users", "count=1&cursor=&cursor=", "cursor")]
    [InlineData("Groups", "count=1&COUNT=1", "count")]
    [InlineData("Groups", "filter=displayName%20pr&filter=displayName%20pr", "filter")]
    [InlineData("Groups", "sortOrder=descending&sortOrder=descending", "sortOrder")]
    [InlineData("", "startIndex=1&startIndex=1", "startIndex")]
    [InlineData("", "count=2&count=5", "count")]
    [InlineData("", "filter=userName%20pr&filter=displayName%20pr", "filter")]
    public async Task A_parameter_that_takes_one_value_given_twice_is_400_invalidValue_naming_it(string endpoint, string query, string parameter)
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.GetAsync($"{endpoint}?{query}");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(
            $"The query parameter '{parameter}' is given 2 times; it takes one value, so send it once (RFC 7644 §3.4.2).",
            error["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    [InlineData("")]
    public async Task Attributes_and_excludedAttributes_given_twice_are_one_comma_separated_list(string endpoint)
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateUserAsync("""{"userName":"ada@example.com","displayName":"Ada","externalId":"a-1","title":"Lead"}""");
        await client.CreateGroupAsync("""{"displayName":"Red","externalId":"g-1"}""");

        var repeated = await client.GetListAsync($"{endpoint}?attributes=displayName&attributes=externalId");
        var excludedTwice = await client.GetListAsync($"{endpoint}?excludedAttributes=displayName&excludedAttributes=meta");

        Assert.Equal((await client.GetListAsync($"{endpoint}?attributes=displayName,externalId")).ToJsonString(), repeated.ToJsonString());
        Assert.All(repeated.Resources(), resource =>
        {
            Assert.NotNull(resource["displayName"]);
            Assert.NotNull(resource["externalId"]);
            Assert.Null(resource["meta"]);
            Assert.Null(resource["title"]);
        });
        Assert.Equal((await client.GetListAsync($"{endpoint}?excludedAttributes=displayName,meta")).ToJsonString(), excludedTwice.ToJsonString());
        Assert.All(excludedTwice.Resources(), resource =>
        {
            Assert.Null(resource["displayName"]);
            Assert.Null(resource["meta"]);
            Assert.NotNull(resource["externalId"]);
        });
    }

    [Theory]
    [InlineData("Users", "count", "99999999999", HttpStatusCode.OK)]
    [InlineData("Users", "count", "-99999999999", HttpStatusCode.OK)]
    [InlineData("Users", "count", "0", HttpStatusCode.OK)]
    [InlineData("Users", "count", "-1", HttpStatusCode.OK)]
    [InlineData("Users", "count", "2", HttpStatusCode.OK)]
    [InlineData("Users", "count", "1.5", HttpStatusCode.BadRequest)]
    [InlineData("Users", "count", "1e3", HttpStatusCode.BadRequest)]
    [InlineData("Users", "startIndex", "99999999999999999999999999", HttpStatusCode.OK)]
    [InlineData("Users", "startIndex", "-99999999999", HttpStatusCode.OK)]
    [InlineData("Users", "startIndex", "0", HttpStatusCode.OK)]
    [InlineData("Users", "startIndex", "2.0", HttpStatusCode.BadRequest)]
    [InlineData("Groups", "count", "99999999999", HttpStatusCode.OK)]
    [InlineData("Groups", "startIndex", "-5", HttpStatusCode.OK)]
    [InlineData("Groups", "count", "0.5", HttpStatusCode.BadRequest)]
    [InlineData("", "count", "99999999999", HttpStatusCode.OK)]
    [InlineData("", "startIndex", "4", HttpStatusCode.OK)]
    [InlineData("", "startIndex", "-99999999999999999999", HttpStatusCode.OK)]
    [InlineData("", "count", "2.5", HttpStatusCode.BadRequest)]
    public async Task A_search_body_reads_startIndex_and_count_as_the_query_string_does(string endpoint, string parameter, string number, HttpStatusCode status)
    {
        var client = await factory.CreateScimClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.CreateUserAsync($$"""{"userName":"page{{i}}@example.com"}""");
        }

        await client.CreateGroupAsync("""{"displayName":"Red"}""");
        await client.CreateGroupAsync("""{"displayName":"Blue"}""");

        var get = await client.GetAsync($"{endpoint}?{parameter}={number}");
        var search = await client.PostJsonAsync(
            endpoint.Length == 0 ? ".search" : $"{endpoint}/.search",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"{{parameter}}":{{number}}}""");

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, search.StatusCode);
        Assert.Equal(await get.Content.ReadAsStringAsync(), await search.Content.ReadAsStringAsync());
        if (status == HttpStatusCode.BadRequest)
        {
            var error = await search.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
            Assert.Equal($"{parameter} must be an integer, not '{number}'.", error["detail"]!.GetValue<string>());
        }
    }
}
