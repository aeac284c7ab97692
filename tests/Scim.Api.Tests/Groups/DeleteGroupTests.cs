using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>DELETE /Groups/{id} (RFC 7644 §3.6): 204, then 404 for GET and for a second DELETE; the members' users stay.</summary>
public sealed class DeleteGroupTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task DeleteGroup_Is204ThenGetIs404ThenDeleteAgainIs404()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        Assert.Equal(HttpStatusCode.NoContent, (await f.Client.DeleteAsync($"Groups/{g1}")).StatusCode);

        await (await f.Client.GetAsync($"Groups/{g1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await f.Client.DeleteAsync($"Groups/{g1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal("user1@example.com", (await f.GetUserAsync(f.U1))["userName"]!.GetValue<string>());
    }
}
