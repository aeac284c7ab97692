using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>A server configured with a SCIM path base serves the Entra tenant URL <c>https://host/scim/v2</c>.</summary>
public sealed class PathBaseTests : IDisposable
{
    private readonly ScimApiFactory factory = new() { PathBase = "/scim/v2" };

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task UsersUnderPathBase_AreServedWithLocationsUnderIt()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """{"userName":"user1@example.com"}""");

        var user = await response.ReadScimAsync(HttpStatusCode.Created);
        var location = user["meta"]!["location"]!.GetValue<string>();
        Assert.Equal($"http://localhost/scim/v2/Users/{user["id"]}", location);
        Assert.Equal(location, response.Headers.Location!.ToString());
        Assert.Equal(1, (await client.GetListAsync("/scim/v2/Users")).TotalResults());
    }

    [Theory]
    [InlineData("/scim/v2/Users/")]
    [InlineData("/scim/v2/Groups/")]
    [InlineData("/scim/v2/Users/?filter=userName+eq+%22nobody%40example.com%22")]
    public async Task TrailingSlash_IsServed(string uri)
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetListAsync(uri);

        Assert.Equal(0, list.TotalResults());
    }

    [Fact]
    public async Task ResourceByIdWithTrailingSlash_IsServed()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"user1@example.com"}""");

        var user = await client.GetScimAsync($"/scim/v2/Users/{id}/");

        Assert.Equal(id, user["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostToCollectionWithTrailingSlash_Creates()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("/scim/v2/Users/", """{"userName":"user2@example.com"}""");

        await response.ReadScimAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task DiscoveryUnderPathBase_IsServed()
    {
        var client = await factory.CreateScimClientAsync();

        var config = await client.GetScimAsync("/scim/v2/ServiceProviderConfig");

        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UsersAtHostRoot_Is404ScimError()
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync("/Users")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }
}
