using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>GET /ResourceTypes (RFC 7644 §4): User at /Users with the enterprise extension, and Group at /Groups.</summary>
public sealed class ListResourceTypesTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";

    [Fact]
    public async Task ResourceTypes_ListsUserWithEnterpriseExtensionAndGroup()
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetScimAsync("ResourceTypes");

        var types = list.Resources();
        var user = types.Single(t => t["name"]!.GetValue<string>() == "User");
        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
        Assert.Equal(UserUrn, user["schema"]!.GetValue<string>());
        Assert.Contains(user["schemaExtensions"]!.AsArray(), e => e!["schema"]!.GetValue<string>() == EnterpriseUrn);
        var group = types.Single(t => t["name"]!.GetValue<string>() == "Group");
        Assert.Equal("/Groups", group["endpoint"]!.GetValue<string>());
        Assert.Equal(GroupUrn, group["schema"]!.GetValue<string>());
    }
}
