using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// <c>active</c> left unassigned (RFC 7643 §2.5): a PATCH remove, a PUT that omits it or a value of null or "" clear it.
/// An unassigned <c>active</c> is returned absent, matches neither <c>active eq true</c> nor <c>active eq false</c> nor
/// <c>active pr</c>, and never makes a deactivated user active. A create without it still gets <c>active: true</c>.
/// </summary>
public sealed class ActiveUnassignedTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task PatchRemoveActive_OfDeactivatedUser_LeavesItUnassignedAndNotActive()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"gone@example.com","active":false}""");

        var patched = await client.PatchUserOkAsync(id, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"remove","path":"active"}]}""");

        Assert.False(patched.ContainsKey("active"));
        await AssertUnassignedAsync(client, id, "gone@example.com");
    }

    [Fact]
    public async Task PatchRemoveActive_OfActiveUser_LeavesItUnassigned()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"here@example.com","active":true}""");

        await client.PatchUserOkAsync(id, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"Remove","path":"active"}]}""");

        await AssertUnassignedAsync(client, id, "here@example.com");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public async Task PatchReplaceActiveWithNoValue_OfDeactivatedUser_LeavesItUnassigned(string value)
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"gone@example.com","active":false}""");

        await client.PatchUserOkAsync(id, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"active","value":{{value}}}]}""");

        await AssertUnassignedAsync(client, id, "gone@example.com");
    }

    [Fact]
    public async Task ReplaceWithoutActive_OfDeactivatedUser_LeavesItUnassignedAndNotActive()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"gone@example.com","active":false,"title":"Analyst"}""");

        var response = await client.PutJsonAsync($"Users/{id}", """{"userName":"gone@example.com","title":"Analyst"}""");

        Assert.False((await response.ReadScimAsync(HttpStatusCode.OK)).ContainsKey("active"));
        await AssertUnassignedAsync(client, id, "gone@example.com");
    }

    [Fact]
    public async Task ReplaceWithActiveFalse_AfterUnassigned_DeactivatesAgain()
    {
        var client = await factory.CreateScimClientAsync();
        var id = await client.CreateUserAsync("""{"userName":"back@example.com","active":false}""");
        await client.PatchUserOkAsync(id, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"remove","path":"active"}]}""");

        var response = await client.PutJsonAsync($"Users/{id}", """{"userName":"back@example.com","active":false}""");

        Assert.False((await response.ReadScimAsync(HttpStatusCode.OK))["active"]!.GetValue<bool>());
        Assert.Equal(1, (await client.GetListAsync("Users?filter=active eq false")).TotalResults());
    }

    [Fact]
    public async Task CreateWithoutActive_IsActive()
    {
        var client = await factory.CreateScimClientAsync();

        var response = await client.PostJsonAsync("Users", """{"userName":"new@example.com"}""");

        var created = await response.ReadScimAsync(HttpStatusCode.Created);
        Assert.True(created["active"]!.GetValue<bool>());
        Assert.Equal(1, (await client.GetListAsync("Users?filter=active eq true")).TotalResults());
    }

    [Fact]
    public async Task NotActiveEqTrue_FindsUnassignedAndDeactivatedUsers()
    {
        var client = await factory.CreateScimClientAsync();
        await client.CreateUserAsync("""{"userName":"on@example.com","active":true}""");
        await client.CreateUserAsync("""{"userName":"off@example.com","active":false}""");
        var unassigned = await client.CreateUserAsync("""{"userName":"unset@example.com"}""");
        await client.PatchUserOkAsync(unassigned, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{"op":"remove","path":"active"}]}""");

        var notActive = await client.GetListAsync("Users?filter=not (active eq true)");
        var absent = await client.GetListAsync("Users?filter=active eq null");

        Assert.Equal(["off@example.com", "unset@example.com"], UserNames(notActive));
        Assert.Equal(["unset@example.com"], UserNames(absent));
    }

    private static async Task AssertUnassignedAsync(HttpClient client, string id, string userName)
    {
        Assert.False((await client.GetScimAsync($"Users/{id}")).ContainsKey("active"));
        Assert.Equal(0, (await client.GetListAsync($"Users?filter=active eq true and userName eq \"{userName}\"")).TotalResults());
        Assert.Equal(0, (await client.GetListAsync($"Users?filter=active eq false and userName eq \"{userName}\"")).TotalResults());
        Assert.Equal(0, (await client.GetListAsync($"Users?filter=active pr and userName eq \"{userName}\"")).TotalResults());
        Assert.Equal(1, (await client.GetListAsync($"Users?filter=userName eq \"{userName}\"")).TotalResults());
    }

    private static string[] UserNames(JsonObject list) =>
        [.. list.Resources().Select(r => r["userName"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
