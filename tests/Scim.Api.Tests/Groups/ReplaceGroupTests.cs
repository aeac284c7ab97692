using System.Net;
using Scim.Testing;

namespace Scim.Api.Tests.Groups;

/// <summary>PUT /Groups/{id} (RFC 7644 §3.5.1) answers 200: the group has the displayName and exactly the members sent.</summary>
public sealed class ReplaceGroupTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task ReplaceGroup_SetsDisplayNameAndMembers()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        var response = await f.Client.PutJsonAsync($"Groups/{g1}", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales West",
             "members":[{"value":"{{f.U2}}"},{"value":"{{f.U3}}"}]}
            """);

        await response.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("Sales West", (await f.Client.GetScimAsync($"Groups/{g1}"))["displayName"]!.GetValue<string>());
        Assert.Equal(ScimHttp.Sorted(f.U2, f.U3), await f.MemberIdsAsync(g1));
    }
}
