using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>GET /ResourceTypes/{name} (RFC 7644 §4): one resource type by its name.</summary>
public sealed class GetResourceTypeTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task ResourceTypeById_IsServed()
    {
        var client = await factory.CreateScimClientAsync();

        var user = await client.GetScimAsync("ResourceTypes/User");

        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
    }
}
