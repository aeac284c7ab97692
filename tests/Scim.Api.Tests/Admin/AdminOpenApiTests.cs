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
}
