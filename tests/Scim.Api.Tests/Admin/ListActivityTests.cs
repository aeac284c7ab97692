using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Admin;

/// <summary><c>GET /admin/organizations/{id}/activity</c>: journal rows newest first, filtered, paged by cursor.</summary>
public sealed class ListActivityTests
{
    [Fact]
    public async Task Activity_NewestFirst_FilteredAndPagedByCursor()
    {
        using var factory = new ScimApiFactory();
        var (organization, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var scim = factory.CreateClientWithToken(token);
        var admin = await factory.CreateAdminClientAsync(organization);
        var ada = await scim.CreateUserAsync("""{"userName":"ada@example.com"}""");
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        var grace = await scim.CreateUserAsync("""{"userName":"grace@example.com"}""");
        await scim.PatchUserOkAsync(ada, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Ada"}]}""");
        await (await scim.PostJsonAsync("Users", """{"userName":"ada@example.com"}""")).AssertScimErrorAsync(HttpStatusCode.Conflict);
        var rows = await WaitForRowsAsync(admin, organization, 4);

        Assert.Equal(["failed", "committed", "committed", "committed"], rows.Select(r => r["outcome"]!.GetValue<string>()));
        Assert.Equal("uniqueness", rows[0]["scimType"]!.GetValue<string>());
        Assert.All(rows, r => Assert.Equal("other", r["dialect"]!.GetValue<string>()));
        // A failure has no version and a committed change no status: left out, not null.
        Assert.False(rows[0].ContainsKey("version"));
        Assert.False(rows[1].ContainsKey("status"));
        Assert.Equal(409, rows[0]["status"]!.GetValue<int>());
        Assert.Equal(["patch", "create", "create"], rows.Skip(1).Select(r => r["operation"]!.GetValue<string>()));
        Assert.Equal([ada, grace, ada], rows.Skip(1).Select(r => r["resourceId"]!.GetValue<string>()));

        Assert.Equal([ada, ada], (await ListAsync(admin, organization, $"resourceId={ada}&outcome=committed")).Select(r => r["resourceId"]!.GetValue<string>()));
        Assert.Equal([grace, ada], (await ListAsync(admin, organization, "operation=create&outcome=committed")).Select(r => r["resourceId"]!.GetValue<string>()));
        Assert.Equal("failed", Assert.Single(await ListAsync(admin, organization, "outcome=failed"))["outcome"]!.GetValue<string>());
        var since = Uri.EscapeDataString(start.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, (await ListAsync(admin, organization, $"since={since}")).Count);
        Assert.Equal(ada, Assert.Single(await ListAsync(admin, organization, $"until={since}"))["resourceId"]!.GetValue<string>());

        var first = await admin.GetAdminAsync($"admin/organizations/{organization}/activity?outcome=committed&count=2");
        Assert.Equal(2, first["activity"]!.AsArray().Count);
        var second = await admin.GetAdminAsync($"admin/organizations/{organization}/activity?outcome=committed&count=2&cursor={first["nextCursor"]}");
        Assert.Equal(ada, Assert.Single(second["activity"]!.AsArray())!["resourceId"]!.GetValue<string>());
        Assert.False(second.ContainsKey("nextCursor"));
        await (await admin.GetAsync($"admin/organizations/{organization}/activity?outcome=failed&count=2&cursor={first["nextCursor"]}"))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidCursor");
    }

    [Theory]
    [InlineData("since=yesterday")]
    [InlineData("operation=erase")]
    [InlineData("outcome=ok")]
    [InlineData("resourceId=42")]
    [InlineData("count=1001")]
    public async Task Activity_BadFilter_Is400InvalidValue(string query)
    {
        using var factory = new ScimApiFactory();
        var (organization, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var admin = await factory.CreateAdminClientAsync(organization);

        var error = await (await admin.GetAsync($"admin/organizations/{organization}/activity?{query}")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Contains(query.Split('=')[0], error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Task<List<JsonObject>> ListAsync(HttpClient admin, Guid organization, string query) => admin.ListActivityAsync(organization, query);

    private static Task<List<JsonObject>> WaitForRowsAsync(HttpClient admin, Guid organization, int count) => admin.WaitForActivityAsync(organization, count);
}
