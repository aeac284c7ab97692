using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Users;

/// <summary>
/// DELETE /Users/{id} (RFC 7644 §3.6): 204, then 404 for GET and for a second DELETE; the user leaves its groups and
/// stops being anyone's manager.
/// </summary>
public sealed class DeleteUserTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task DeleteUser_Is204ThenGetIs404ThenDeleteAgainIs404()
    {
        var f = await FixtureF.CreateAsync(factory);

        var deleted = await f.Client.DeleteAsync($"Users/{f.U1}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await (await f.Client.GetAsync($"Users/{f.U1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await f.Client.DeleteAsync($"Users/{f.U1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        var list = await f.Client.GetListAsync("Users?filter=userName%20eq%20%22user1%40example.com%22");
        Assert.Equal(0, list.TotalResults());
    }

    [Fact]
    public async Task DeleteUser_RemovesItFromGroups()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1, f.U2);

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client.DeleteAsync($"Users/{f.U1}")).StatusCode);

        Assert.Equal([f.U2], await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task DeleteUser_ThatIsAManager_ClearsTheReference()
    {
        var f = await FixtureF.CreateAsync(factory);
        await SetManagerAsync(f, f.U2);

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client.DeleteAsync($"Users/{f.U2}")).StatusCode);

        Assert.Null((await f.GetUserAsync(f.U1))[Ent]?["manager"]);
        Assert.Equal(2, (await f.Client.GetListAsync("Users")).TotalResults());
    }

    private static Task SetManagerAsync(FixtureF f, string managerId) => f.PatchUserOkAsync(f.U1, $$"""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{managerId}}"}]}
        """);
}
