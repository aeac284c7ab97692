using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Scim.Filtering.Parsing;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// Long filters in a GET query string, on the real Kestrel server (whose request-line limit a test server does not
/// have): every filter the server accepts reaches it however it is percent-encoded, and a longer one is a SCIM error
/// naming the limit, not Kestrel's 414 without a body.
/// </summary>
public sealed class LongFilterTests : IDisposable
{
    private readonly ScimApiFactory factory = new();

    public LongFilterTests()
    {
        factory.UseKestrel(0);
        factory.StartServer();
    }

    [Fact]
    public async Task A_filter_of_the_longest_length_in_nonAscii_text_reaches_the_server_in_a_GET()
    {
        var client = await KestrelClientAsync();
        // Each of these characters is nine bytes percent-encoded: the query string is about 36 KiB, over Kestrel's default 8 KiB.
        var title = new string('漢', ScimFilterParser.MaxLength - """title eq "" """.Length + 1);
        var filter = $"title eq \"{title}\"";
        Assert.Equal(ScimFilterParser.MaxLength, filter.Length);
        await client.CreateUserAsync($$"""{"userName":"long@example.com","title":"{{title}}"}""");
        await client.CreateUserAsync("""{"userName":"short@example.com","title":"漢"}""");

        var list = await client.GetListAsync($"Users?filter={Uri.EscapeDataString(filter)}");

        Assert.True(Uri.EscapeDataString(filter).Length > 32 * 1024);
        Assert.Equal("long@example.com", Assert.Single(list.Resources())["userName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    [InlineData("")]
    public async Task A_filter_over_the_limit_in_a_GET_is_400_invalidFilter_saying_the_limit(string endpoint)
    {
        var client = await KestrelClientAsync();
        var filter = $"displayName eq \"{new string('漢', 5_000)}\"";

        var response = await client.GetAsync($"{endpoint}?filter={Uri.EscapeDataString(filter)}");

        var error = await response.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");
        Assert.Equal(
            $"A filter has at most 4096 characters but this one has {filter.Length}; split it into several requests, each with fewer 'or' terms.",
            error["detail"]!.GetValue<string>());
    }

    public void Dispose() => factory.Dispose();

    // A client of a new organization that sends its requests over TCP to the server's Kestrel address.
    private async Task<HttpClient> KestrelClientAsync()
    {
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri($"{address.TrimEnd('/')}/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
