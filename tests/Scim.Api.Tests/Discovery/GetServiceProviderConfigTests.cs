using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>
/// GET /ServiceProviderConfig (RFC 7644 §4): PATCH, filtering (at most 200 results) and ETags are supported, and bulk,
/// with at most 1,000 operations and 1 MiB a request by default; password change and sorting are not; authentication
/// is by OAuth bearer token.
/// </summary>
public sealed class GetServiceProviderConfigTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task ServiceProviderConfig_DescribesPatchFilterBulkAndBearerAuth()
    {
        var client = await factory.CreateScimClientAsync();

        var config = await client.GetScimAsync("ServiceProviderConfig");

        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", config["schemas"]![0]!.GetValue<string>());
        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.Equal(200, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.True(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.Equal(1000, config["bulk"]!["maxOperations"]!.GetValue<int>());
        Assert.Equal(1_048_576, config["bulk"]!["maxPayloadSize"]!.GetValue<int>());
        Assert.False(config["changePassword"]!["supported"]!.GetValue<bool>());
        Assert.True(config["sort"]!["supported"]!.GetValue<bool>());
        Assert.True(config["etag"]!["supported"]!.GetValue<bool>());
        var scheme = Assert.Single(config["authenticationSchemes"]!.AsArray())!;
        Assert.Equal("oauthbearertoken", scheme["type"]!.GetValue<string>());
        Assert.True(scheme["primary"]!.GetValue<bool>());
    }
}
