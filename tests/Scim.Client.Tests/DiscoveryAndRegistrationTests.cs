using Microsoft.Extensions.DependencyInjection;
using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>Discovery through the client, and the client registered with IHttpClientFactory as another service would.</summary>
public sealed class DiscoveryAndRegistrationTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    [Fact]
    public async Task Discovery_documents_are_typed()
    {
        var client = await fixture.CreateClientAsync();

        var config = await client.GetServiceProviderConfigAsync();
        Assert.True(config.Patch.Supported);
        Assert.Equal(200, config.Filter.MaxResults);
        Assert.True(config.Etag.Supported);
        Assert.Equal("oauthbearertoken", Assert.Single(config.AuthenticationSchemes).Type);

        var resourceTypes = await client.ListResourceTypesAsync();
        Assert.Contains(resourceTypes.Resources, r => r.Name == "User" && r.SchemaExtensions!.Any(e => e.Schema == ScimSchemas.EnterpriseUser));
        Assert.Equal("/Groups", (await client.GetResourceTypeAsync("Group")).Endpoint);

        var schema = await client.GetSchemaAsync(ScimSchemas.User);
        Assert.Contains(schema.Attributes, a => a.Name == "userName" && a.Uniqueness == "server");
        Assert.NotEmpty((await client.ListSchemasAsync()).Resources);
    }

    [Fact]
    public async Task AddScimClient_registers_a_typed_client_that_sends_the_token()
    {
        var (_, token) = await fixture.Factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var services = new ServiceCollection();
        services.AddScimClient("http://localhost", token)
            .ConfigurePrimaryHttpMessageHandler(() => fixture.Factory.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IScimClient>();
        var created = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "frank@example.com" });

        Assert.Equal("frank@example.com", (await client.GetUserAsync(created.Id!)).UserName);
    }

    [Fact]
    public async Task A_wrong_token_is_a_401_scim_exception()
    {
        var client = new ScimClient(fixture.Factory.CreateDefaultClient(new Uri("http://localhost/"), new ScimBearerTokenHandler("not-a-key")));

        var denied = await Assert.ThrowsAnyAsync<ScimException>(() => client.ListUsersAsync());

        Assert.Equal(401, denied.Status);
    }
}
