using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>
/// GET /Schemas/{urn} (RFC 7643 §7): the attributes Entra maps are published with their types, userName is unique and
/// not case-exact, addresses have primary, the enterprise extension has the manager; an unknown URN is 404.
/// </summary>
public sealed class GetSchemaTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";

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

    private static JsonObject Attribute(JsonObject schema, string name) =>
        schema["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == name)!.AsObject();
}
