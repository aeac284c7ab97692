using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary>The administration API has an OpenAPI document of its own; the SCIM document does not show it.</summary>
public sealed class AdminOpenApiTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task AdminDocument_ListsTheAdministrationEndpoints_AndTheScimDocumentNone()
    {
        var client = factory.CreateClient();

        var admin = JsonNode.Parse(await client.GetStringAsync("/swagger/admin/swagger.json"))!;
        var scim = await client.GetStringAsync("/swagger/v1/swagger.json");

        var paths = admin["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["/admin/organizations", "/admin/organizations/{organizationId}", "/admin/organizations/{organizationId}/activity",
                "/admin/organizations/{organizationId}/activity/runs", "/admin/organizations/{organizationId}/changes",
                "/admin/organizations/{organizationId}/erasure", "/admin/organizations/{organizationId}/keys",
                "/admin/organizations/{organizationId}/keys/{keyId}/revoke"],
            paths);
        Assert.All(admin["paths"]!.AsObject(), p => Assert.DoesNotContain("/Users", p.Key, StringComparison.Ordinal));
        Assert.DoesNotContain("/admin", scim, StringComparison.Ordinal);
        Assert.DoesNotContain("AdminOrganization", scim, StringComparison.Ordinal);
        Assert.DoesNotContain("ChangesPage", scim, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task AdminDocument_DescribesTheWireAsAnswered_OperationIdsIdsEnumsAbsentMembersAndScimErrors()
    {
        var admin = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/admin/swagger.json"))!;
        var operations = admin["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!)).ToList();
        var schemas = admin["components"]!["schemas"]!;

        Assert.Equal(
            ["CreateApiKey", "CreateOrganization", "DeleteOrganization", "GetOrganization", "GetOrganizationErasure", "ListActivity", "ListApiKeys",
                "ListChanges", "ListOrganizations", "ListProvisioningRuns", "PatchOrganization", "ReplaceOrganization", "RevokeApiKey"],
            operations.Select(o => o["operationId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        // Every operation has a summary from the endpoint's XML documentation.
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o["summary"]?.GetValue<string>()), o["operationId"]!.GetValue<string>()));

        // Ids are uuid strings in paths and bodies, though any text is routed (and answered 404 when it is no GUID).
        var revoke = admin["paths"]!["/admin/organizations/{organizationId}/keys/{keyId}/revoke"]!["post"]!;
        Assert.All(revoke["parameters"]!.AsArray(), p => Assert.Equal(("string", "uuid"), (p!["schema"]!["type"]!.GetValue<string>(), p["schema"]!["format"]!.GetValue<string>())));
        Assert.Equal("uuid", schemas["Organization"]!["properties"]!["id"]!["format"]!.GetValue<string>());

        // Enums by their camelCase names, as answered; a member left out when it has no value is nullable and not required.
        Assert.Equal(["committed", "failed"], schemas["JournalOutcome"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("addMembers", schemas["JournalOperation"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var required = schemas["ApiKey"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains("id", required);
        Assert.DoesNotContain("lastUsed", required);
        Assert.True(schemas["ApiKey"]!["properties"]!["lastUsed"]!["nullable"]!.GetValue<bool>());

        // Typed query parameters; errors are SCIM error bodies of the media type the server answers them with.
        var changes = admin["paths"]!["/admin/organizations/{organizationId}/changes"]!["get"]!;
        Assert.Equal("integer", changes["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "count")!["schema"]!["type"]!.GetValue<string>());
        Assert.All(operations.SelectMany(o => o["responses"]!.AsObject()).Where(r => r.Key.StartsWith('4')), r =>
            Assert.Equal("#/components/schemas/Error", r.Value!["content"]!["application/scim+json"]!["schema"]!["$ref"]!.GetValue<string>()));
    }
}
