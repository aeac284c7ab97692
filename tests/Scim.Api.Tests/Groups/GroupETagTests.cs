using System.Net;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;
using static Scim.Api.Tests.Infrastructure.ConditionalRequests;

namespace Scim.Api.Tests.Groups;

/// <summary>
/// ETags of groups (RFC 7644 §3.14): <c>meta.version</c> equals the <c>ETag</c> header of every single-group answer,
/// the 204 of a PATCH included, and changes with every change of the group's attributes or members (a member's
/// deletion too), not with a PATCH that changes nothing. <c>If-Match</c> holds for member-only PATCHes as for the rest,
/// also when two carry the same version at once; <c>If-None-Match</c> is 304 when the version covers what is asked for.
/// </summary>
public sealed class GroupETagTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    [Fact]
    public async Task Version_IsTheETagHeader_AndChangesWithEveryChange()
    {
        var f = await FixtureF.CreateAsync(factory);
        var created = await f.Client.PostJsonAsync("Groups", """{"displayName":"Sales"}""");
        var group = await created.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal("W/\"1\"", group.Version());
        Assert.Equal("W/\"1\"", created.ETag());
        var uri = $"Groups/{group["id"]}";

        var added = await f.Client.PatchJsonAsync(uri, AddMembers(f.U1, f.U2));
        await added.AssertNoContentAsync();
        Assert.Equal("W/\"2\"", added.ETag());
        var read = await f.Client.GetAsync(uri);
        Assert.Equal("W/\"2\"", (await read.ReadScimAsync(HttpStatusCode.OK)).Version());
        Assert.Equal("W/\"2\"", read.ETag());

        var renamed = await f.Client.PatchJsonAsync(uri, Replace("displayName", "Sales EMEA"));
        Assert.Equal("W/\"3\"", renamed.ETag());
        var unchanged = await f.Client.PatchJsonAsync(uri, Replace("displayName", "Sales EMEA"));
        await unchanged.AssertNoContentAsync();
        Assert.Equal("W/\"3\"", unchanged.ETag());

        var replaced = await f.Client.PutJsonAsync(uri, $$"""{"displayName":"Sales EMEA","members":[{"value":"{{f.U1}}"}]}""");
        Assert.Equal("W/\"4\"", (await replaced.ReadScimAsync(HttpStatusCode.OK)).Version());
        Assert.Equal("W/\"4\"", replaced.ETag());

        await (await f.Client.DeleteAsync($"Users/{f.U1}")).AssertNoContentAsync();
        Assert.Equal("W/\"5\"", (await f.Client.GetScimAsync(uri)).Version());
        var listed = await f.Client.GetListAsync("Groups?filter=displayName%20eq%20%22Sales%20EMEA%22&excludedAttributes=members");
        Assert.Equal("W/\"5\"", Assert.Single(listed.Resources()).Version());
    }

    [Fact]
    public async Task IfMatch_OnAMemberPatch_StaleIs412AndAddsNoMember_CurrentApplies()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);
        await f.PatchGroupOkAsync(g1, AddMembers(f.U2));

        var stale = await f.Client.PatchIfMatchAsync($"Groups/{g1}", "W/\"1\"", AddMembers(f.U3));
        var error = await stale.AssertPreconditionFailedAsync();
        Assert.Contains("W/\"2\"", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2), await f.MemberIdsAsync(g1));

        var current = await f.Client.PatchIfMatchAsync($"Groups/{g1}", "W/\"2\"", AddMembers(f.U3));
        await current.AssertNoContentAsync();
        Assert.Equal("W/\"3\"", current.ETag());
        Assert.Equal(ScimHttp.Sorted(f.U1, f.U2, f.U3), await f.MemberIdsAsync(g1));
    }

    [Fact]
    public async Task IfMatch_OnPutAndDelete_AppliesOnlyAtTheVersionNamed()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);
        await f.PatchGroupOkAsync(g1, AddMembers(f.U2));

        await (await f.Client.SendWithAsync(HttpMethod.Put, $"Groups/{g1}", "If-Match", "W/\"1\"", """{"displayName":"Renamed"}"""))
            .AssertPreconditionFailedAsync();
        await (await f.Client.SendWithAsync(HttpMethod.Delete, $"Groups/{g1}", "If-Match", "W/\"1\"")).AssertPreconditionFailedAsync();
        var group = await f.Client.GetScimAsync($"Groups/{g1}");
        Assert.Equal("Sales", group["displayName"]!.GetValue<string>());
        Assert.Equal(2, group["members"]!.AsArray().Count);

        var put = await f.Client.SendWithAsync(HttpMethod.Put, $"Groups/{g1}", "If-Match", "W/\"2\"", """{"displayName":"Renamed"}""");
        Assert.Equal("W/\"3\"", (await put.ReadScimAsync(HttpStatusCode.OK)).Version());
        await (await f.Client.SendWithAsync(HttpMethod.Delete, $"Groups/{g1}", "If-Match", put.ETag())).AssertNoContentAsync();
        await (await f.Client.GetAsync($"Groups/{g1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IfNoneMatch_Is304_WhenMembersDisplayIsLeftOut()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);

        await (await f.Client.SendWithAsync(HttpMethod.Get, $"Groups/{g1}?excludedAttributes=members", "If-None-Match", "W/\"1\""))
            .AssertNotModifiedAsync("W/\"1\"");
        await (await f.Client.SendWithAsync(HttpMethod.Get, $"Groups/{g1}?attributes=displayName,members.value", "If-None-Match", "W/\"1\""))
            .AssertNotModifiedAsync("W/\"1\"");

        // A member's display is its own displayName: renaming it leaves the group's version as it was.
        await f.PatchUserOkAsync(f.U1, Replace("displayName", "Alex One"));
        var read = await f.Client.SendWithAsync(HttpMethod.Get, $"Groups/{g1}", "If-None-Match", "W/\"1\"");
        var group = await read.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("W/\"1\"", read.ETag());
        Assert.Equal("Alex One", Assert.Single(group["members"]!.AsArray())!["display"]!.GetValue<string>());

        await f.PatchGroupOkAsync(g1, AddMembers(f.U2));
        var changed = await f.Client.SendWithAsync(HttpMethod.Get, $"Groups/{g1}?excludedAttributes=members", "If-None-Match", "W/\"1\"");
        Assert.Equal("W/\"2\"", (await changed.ReadScimAsync(HttpStatusCode.OK)).Version());
    }

    [Fact]
    public async Task IfMatch_TwoMemberPatchesWithTheSameVersionAtOnce_OneAppliesTheOtherIs412()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync();

        for (var round = 0; round < 20; round++)
        {
            var version = (await f.Client.GetScimAsync($"Groups/{g1}?excludedAttributes=members")).Version();
            var (first, second) = round % 2 == 0 ? (f.U1, f.U2) : (f.U2, f.U1);
            var responses = await Task.WhenAll(
                f.Client.PatchIfMatchAsync($"Groups/{g1}", version, AddMembers(first)),
                f.Client.PatchIfMatchAsync($"Groups/{g1}", version, AddMembers(second)));

            var applied = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
            await Assert.Single(responses, r => r != applied).AssertPreconditionFailedAsync();
            var member = applied == responses[0] ? first : second;
            Assert.Equal([member], await f.MemberIdsAsync(g1));
            await f.Client.PutJsonAsync($"Groups/{g1}", """{"displayName":"Sales"}""");
        }
    }
}
