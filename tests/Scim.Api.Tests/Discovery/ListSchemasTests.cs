using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>GET /Schemas (RFC 7644 §4): a ListResponse with the User, enterprise User and Group schemas.</summary>
public sealed class ListSchemasTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";

    [Fact]
    public async Task Schemas_IsListResponseWithUserEnterpriseAndGroup()
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetScimAsync("Schemas");

        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", list["schemas"]![0]!.GetValue<string>());
        var ids = list.Resources().Select(s => s["id"]!.GetValue<string>()).ToList();
        Assert.Contains(UserUrn, ids);
        Assert.Contains(EnterpriseUrn, ids);
        Assert.Contains(GroupUrn, ids);
        Assert.Equal(ids.Count, list.TotalResults());
    }
}
