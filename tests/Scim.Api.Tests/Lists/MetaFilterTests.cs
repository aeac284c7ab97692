using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// <c>meta.resourceType</c> and <c>meta.version</c> are filterable (RFC 7644 §3.4.2.2) and compare exactly, as
/// /Schemas says they are caseExact (RFC 7643 §3.1).
/// </summary>
public sealed class MetaFilterTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Meta_resourceType_and_version_filter_exactly()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"versioned@example.com"}""");
        await client.PatchUserOkAsync(id, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"T"}]}""");
        var groupId = await client.CreateGroupAsync("""{"displayName":"versioned"}""");
        var version = (await client.GetScimAsync($"Users/{id}"))["meta"]!["version"]!.GetValue<string>();

        async Task<string[]> IdsAsync(string resources, string filter) =>
            [.. (await client.GetListAsync($"{resources}?filter={Uri.EscapeDataString(filter)}")).Resources().Select(r => r["id"]!.GetValue<string>())];

        Assert.Equal([id], await IdsAsync("Users", $"meta.version eq {System.Text.Json.JsonSerializer.Serialize(version)}"));
        Assert.Empty(await IdsAsync("Users", $"meta.version eq {System.Text.Json.JsonSerializer.Serialize(version.ToLowerInvariant())}"));
        Assert.Empty(await IdsAsync("Users", "meta.version eq \"W/\\\"1\\\"\""));
        Assert.Equal([id], await IdsAsync("Users", "meta.resourceType eq \"User\""));
        Assert.Empty(await IdsAsync("Users", "meta.resourceType eq \"user\""));
        Assert.Equal([groupId], await IdsAsync("Groups", "meta.resourceType eq \"Group\" and meta.version eq \"W/\\\"1\\\"\""));
    }
}
