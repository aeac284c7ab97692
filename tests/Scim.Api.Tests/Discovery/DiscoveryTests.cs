using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>The discovery endpoints (RFC 7644 §4) that the SCIM Validator and the gallery checks read.</summary>
public sealed class DiscoveryTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";

    [Fact]
    public async Task ServiceProviderConfig_DescribesPatchFilterAndBearerAuth()
    {
        var client = await factory.CreateScimClientAsync();

        var config = await client.GetScimAsync("ServiceProviderConfig");

        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", config["schemas"]![0]!.GetValue<string>());
        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.Equal(200, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.False(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.Equal(0, config["bulk"]!["maxOperations"]!.GetValue<int>());
        Assert.False(config["changePassword"]!["supported"]!.GetValue<bool>());
        Assert.False(config["sort"]!["supported"]!.GetValue<bool>());
        Assert.False(config["etag"]!["supported"]!.GetValue<bool>());
        var scheme = Assert.Single(config["authenticationSchemes"]!.AsArray())!;
        Assert.Equal("oauthbearertoken", scheme["type"]!.GetValue<string>());
        Assert.True(scheme["primary"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ResourceTypes_ListsUserWithEnterpriseExtensionAndGroup()
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetScimAsync("ResourceTypes");

        var types = Resources(list);
        var user = types.Single(t => t["name"]!.GetValue<string>() == "User");
        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
        Assert.Equal(UserUrn, user["schema"]!.GetValue<string>());
        Assert.Contains(user["schemaExtensions"]!.AsArray(), e => e!["schema"]!.GetValue<string>() == EnterpriseUrn);
        var group = types.Single(t => t["name"]!.GetValue<string>() == "Group");
        Assert.Equal("/Groups", group["endpoint"]!.GetValue<string>());
        Assert.Equal(GroupUrn, group["schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResourceTypeById_IsServed()
    {
        var client = await factory.CreateScimClientAsync();

        var user = await client.GetScimAsync("ResourceTypes/User");

        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Schemas_IsListResponseWithUserEnterpriseAndGroup()
    {
        var client = await factory.CreateScimClientAsync();

        var list = await client.GetScimAsync("Schemas");

        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", list["schemas"]![0]!.GetValue<string>());
        var ids = Resources(list).Select(s => s["id"]!.GetValue<string>()).ToList();
        Assert.Contains(UserUrn, ids);
        Assert.Contains(EnterpriseUrn, ids);
        Assert.Contains(GroupUrn, ids);
        Assert.Equal(ids.Count, list.TotalResults());
    }

    [Fact]
    public async Task UserSchema_AddressesHavePrimary_BC37()
    {
        var client = await factory.CreateScimClientAsync();

        var schema = await client.GetScimAsync($"Schemas/{UserUrn}");

        Assert.Equal(UserUrn, schema["id"]!.GetValue<string>());
        var addresses = Attribute(schema, "addresses");
        Assert.True(addresses["multiValued"]!.GetValue<bool>());
        var primary = addresses["subAttributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "primary")!;
        Assert.Equal("boolean", primary["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserSchema_PublishesEntraMappedAttributes()
    {
        var client = await factory.CreateScimClientAsync();

        var schema = await client.GetScimAsync($"Schemas/{UserUrn}");

        foreach (var name in new[] { "userName", "name", "displayName", "nickName", "title", "preferredLanguage", "active", "emails", "phoneNumbers", "addresses", "roles" })
        {
            Attribute(schema, name);
        }

        var userName = Attribute(schema, "userName");
        Assert.False(userName["caseExact"]!.GetValue<bool>());
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());
        Assert.Contains(Attribute(schema, "emails")["subAttributes"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "value");
    }

    [Fact]
    public async Task EnterpriseSchema_HasManagerAndDepartment()
    {
        var client = await factory.CreateScimClientAsync();

        var schema = await client.GetScimAsync($"Schemas/{EnterpriseUrn}");

        Attribute(schema, "department");
        Attribute(schema, "employeeNumber");
        Assert.Equal("complex", Attribute(schema, "manager")["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GroupSchema_HasDisplayNameAndMembers()
    {
        var client = await factory.CreateScimClientAsync();

        var schema = await client.GetScimAsync($"Schemas/{GroupUrn}");

        Attribute(schema, "displayName");
        Assert.True(Attribute(schema, "members")["multiValued"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UnknownSchema_Is404ScimError()
    {
        var client = await factory.CreateScimClientAsync();

        await (await client.GetAsync("Schemas/urn:example:nothing")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    private static List<JsonObject> Resources(JsonObject list) => [.. list["Resources"]!.AsArray().Select(r => r!.AsObject())];

    private static JsonObject Attribute(JsonObject schema, string name) =>
        schema["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == name)!.AsObject();
}
