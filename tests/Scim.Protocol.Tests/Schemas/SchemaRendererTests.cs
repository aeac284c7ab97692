using System.Text.Json.Nodes;
using Scim.Protocol.Schemas;

namespace Scim.Protocol.Tests.Schemas;

public class SchemaRendererTests
{
    private static JsonObject Attribute(JsonObject schema, string name) =>
        schema["attributes"]!.AsArray().Select(a => a!.AsObject()).Single(a => (string?)a["name"] == name);

    private static JsonObject SubAttribute(JsonObject attribute, string name) =>
        attribute["subAttributes"]!.AsArray().Select(a => a!.AsObject()).Single(a => (string?)a["name"] == name);

    [Fact]
    public void RenderUser_Always_ListsAddressesPrimaryAndCaseInsensitiveEmailValue()
    {
        var json = SchemaRenderer.Render(UserSchema.Definition);

        var reparsed = JsonNode.Parse(json.ToJsonString())!.AsObject();
        Assert.Equal(ScimSchemaUris.Schema, (string?)reparsed["schemas"]![0]);
        Assert.Equal(ScimSchemaUris.User, (string?)reparsed["id"]);
        Assert.Equal($"/Schemas/{ScimSchemaUris.User}", (string?)reparsed["meta"]!["location"]);
        var primary = SubAttribute(Attribute(reparsed, "addresses"), "primary");
        Assert.Equal("boolean", (string?)primary["type"]);
        var emailValue = SubAttribute(Attribute(reparsed, "emails"), "value");
        Assert.False((bool)emailValue["caseExact"]!);
        Assert.False((bool)SubAttribute(Attribute(reparsed, "emails"), "type")["caseExact"]!);
    }

    [Fact]
    public void RenderUser_Always_UsesCamelCaseFacetsAndOmitsNulls()
    {
        var json = SchemaRenderer.Render(UserSchema.Definition);

        var userName = Attribute(json, "userName");
        Assert.Equal("readWrite", (string?)userName["mutability"]);
        Assert.Equal("server", (string?)userName["uniqueness"]);
        Assert.True((bool)userName["required"]!);
        var password = Attribute(json, "password");
        Assert.Equal("writeOnly", (string?)password["mutability"]);
        Assert.Equal("never", (string?)password["returned"]);
        Assert.Equal("readOnly", (string?)Attribute(json, "groups")["mutability"]);
        Assert.DoesNotContain("null", json.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderUser_Always_ListsEveryRfc7643CoreAttribute()
    {
        string[] expected =
        [
            "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
            "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
            "groups", "entitlements", "roles", "x509Certificates",
        ];

        var names = SchemaRenderer.Render(UserSchema.Definition)["attributes"]!.AsArray().Select(a => (string?)a!["name"]);

        Assert.Equal(expected, names);
    }

    [Fact]
    public void RenderEnterpriseUser_Always_ListsManagerWithReadOnlyDisplayName()
    {
        var json = SchemaRenderer.Render(EnterpriseUserSchema.Definition);

        var manager = Attribute(json, "manager");
        Assert.Equal("complex", (string?)manager["type"]);
        Assert.Equal("readOnly", (string?)SubAttribute(manager, "displayName")["mutability"]);
        Assert.Equal("reference", (string?)SubAttribute(manager, "$ref")["type"]);
        Assert.NotNull(Attribute(json, "employeeNumber"));
    }

    [Fact]
    public void RenderGroup_Always_ListsUniqueDisplayNameAndMembers()
    {
        var json = SchemaRenderer.Render(GroupSchema.Definition);

        var displayName = Attribute(json, "displayName");
        Assert.Equal("server", (string?)displayName["uniqueness"]);
        Assert.False((bool)displayName["caseExact"]!);
        var members = Attribute(json, "members");
        Assert.True((bool)members["multiValued"]!);
        Assert.Equal("immutable", (string?)SubAttribute(members, "value")["mutability"]);
        Assert.Equal(["User", "Group"], SubAttribute(members, "type")["canonicalValues"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Render_CalledTwice_ReturnsIndependentCopies()
    {
        var first = SchemaRenderer.Render(GroupSchema.Definition);
        first["id"] = "changed";

        Assert.Equal(ScimSchemaUris.Group, (string?)SchemaRenderer.Render(GroupSchema.Definition)["id"]);
    }

    [Fact]
    public void Published_Always_ListsThreeSchemas()
    {
        Assert.Equal(
            [ScimSchemaUris.User, ScimSchemaUris.EnterpriseUser, ScimSchemaUris.Group],
            SchemaRenderer.Published.Select(s => s.Id));
    }

    [Fact]
    public void RenderResourceType_User_ListsOptionalEnterpriseExtension()
    {
        var json = ResourceTypeRenderer.Render(ResourceTypeDefinition.User);

        Assert.Equal("/Users", (string?)json["endpoint"]);
        Assert.Equal(ScimSchemaUris.User, (string?)json["schema"]);
        var extension = json["schemaExtensions"]![0]!;
        Assert.Equal(ScimSchemaUris.EnterpriseUser, (string?)extension["schema"]);
        Assert.False((bool)extension["required"]!);
        Assert.Equal("/ResourceTypes/User", (string?)json["meta"]!["location"]);
    }

    [Fact]
    public void RenderResourceType_Group_OmitsSchemaExtensions()
    {
        var json = ResourceTypeRenderer.Render(ResourceTypeDefinition.Group);

        Assert.Equal("/Groups", (string?)json["endpoint"]);
        Assert.False(json.ContainsKey("schemaExtensions"));
    }

    [Fact]
    public void FindAttribute_DifferentCase_ReturnsCanonicalAttribute()
    {
        Assert.Same(UserSchema.UserName, UserSchema.Definition.FindAttribute("USERNAME"));
        Assert.Equal("value", UserSchema.Definition.FindAttribute("emails")!.FindSubAttribute("Value")!.Name);
        Assert.Same(CommonAttributes.ExternalId, ResourceTypeDefinition.User.FindAttribute("externalid"));
        Assert.Same(EnterpriseUserSchema.Definition, ResourceTypeDefinition.User.FindExtension(ScimSchemaUris.EnterpriseUser.ToUpperInvariant()));
    }
}
