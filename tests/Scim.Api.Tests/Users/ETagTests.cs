using System.Net;
using Scim.Api.Tests.Infrastructure;
using Scim.Testing;
using static Scim.Api.Tests.Infrastructure.ConditionalRequests;

namespace Scim.Api.Tests.Users;

/// <summary>
/// ETags of users (RFC 7644 §3.14): <c>meta.version</c> is a weak tag of the stored version in every representation and
/// equals the <c>ETag</c> header of every single-user answer; it changes with every write and not with a PATCH that
/// changes nothing. <c>If-Match</c> on PUT, PATCH and DELETE applies the request only at a version it names (412 and
/// nothing applied otherwise, 400 when malformed), also when two requests carry the same one at once;
/// <c>If-None-Match</c> on GET is 304 when the version is current and covers everything asked for.
/// </summary>
public sealed class ETagTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string Ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task Version_IsInEveryRepresentation_AndIsTheETagHeader()
    {
        var client = await factory.CreateScimClientAsync();

        var created = await client.PostJsonAsync("Users", """{"userName":"etag@example.com"}""");
        var body = await created.ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal("W/\"1\"", body.Version());
        Assert.Equal("W/\"1\"", created.ETag());
        var id = body["id"]!.GetValue<string>();

        var read = await client.GetAsync($"Users/{id}");
        Assert.Equal("W/\"1\"", (await read.ReadScimAsync(HttpStatusCode.OK)).Version());
        Assert.Equal("W/\"1\"", read.ETag());

        // A ListResponse has no ETag of its own; each resource in it has its meta.version.
        var list = await client.GetAsync("Users?filter=userName%20eq%20%22etag%40example.com%22");
        Assert.Equal("W/\"1\"", Assert.Single((await list.ReadScimAsync(HttpStatusCode.OK)).Resources()).Version());
        Assert.Null(list.Headers.ETag);
        var searched = await (await client.PostJsonAsync("Users/.search", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq \"etag@example.com\""}
            """)).ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("W/\"1\"", Assert.Single(searched.Resources()).Version());
    }

    [Fact]
    public async Task Version_FollowsAttributesAndExcludedAttributes_LikeTheRestOfMeta()
    {
        var f = await FixtureF.CreateAsync(factory);

        var only = await f.Client.GetScimAsync($"Users/{f.U1}?attributes=meta.version");
        Assert.Equal("W/\"1\"", only.Version());
        Assert.Equal(["version"], only["meta"]!.AsObject().Select(m => m.Key));
        Assert.Null(only["userName"]);

        var without = await f.Client.GetScimAsync($"Users/{f.U1}?excludedAttributes=meta.version");
        Assert.Null(without["meta"]!["version"]);
        Assert.NotNull(without["meta"]!["lastModified"]);

        Assert.Null((await f.Client.GetScimAsync($"Users/{f.U1}?attributes=userName"))["meta"]);
    }

    [Fact]
    public async Task Version_ChangesWithEveryWrite_NotWithAPatchThatChangesNothing()
    {
        var f = await FixtureF.CreateAsync(factory);

        var patched = await f.Client.PatchJsonAsync($"Users/{f.U1}", Replace("displayName", "Alex One"));
        Assert.Equal("W/\"2\"", (await patched.ReadScimAsync(HttpStatusCode.OK)).Version());
        Assert.Equal("W/\"2\"", patched.ETag());

        var replaced = await f.Client.PutJsonAsync($"Users/{f.U1}", """{"userName":"user1@example.com","displayName":"Alex"}""");
        Assert.Equal("W/\"3\"", (await replaced.ReadScimAsync(HttpStatusCode.OK)).Version());
        Assert.Equal("W/\"3\"", replaced.ETag());

        var before = await f.GetUserAsync(f.U1);
        var unchanged = await f.Client.PatchJsonAsync($"Users/{f.U1}", Replace("displayName", "Alex"));
        var after = await unchanged.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal("W/\"3\"", unchanged.ETag());
        Assert.Equal("W/\"3\"", after.Version());
        Assert.Equal(before["meta"]!["lastModified"]!.GetValue<string>(), after["meta"]!["lastModified"]!.GetValue<string>());
    }

    [Fact]
    public async Task IfMatch_StaleVersion_Is412_AndNothingIsApplied()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.PatchUserOkAsync(f.U1, Replace("title", "Engineer"));

        var patch = await f.Client.PatchIfMatchAsync($"Users/{f.U1}", "W/\"1\"", Replace("title", "Manager"));
        var error = await patch.AssertPreconditionFailedAsync();
        Assert.Contains("W/\"2\"", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var put = await f.Client.SendWithAsync(HttpMethod.Put, $"Users/{f.U1}", "If-Match", "W/\"1\"", """{"userName":"renamed@example.com"}""");
        await put.AssertPreconditionFailedAsync();

        var user = await f.GetUserAsync(f.U1);
        Assert.Equal("Engineer", user["title"]!.GetValue<string>());
        Assert.Equal("user1@example.com", user["userName"]!.GetValue<string>());
        Assert.Equal("W/\"2\"", user.Version());
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"1\"")]
    [InlineData("*")]
    [InlineData("W/\"7\", W/\"1\"")]
    [InlineData("\"xyzzy\",W/\"1\"")]
    public async Task IfMatch_NamingTheCurrentVersion_Applies(string ifMatch)
    {
        var f = await FixtureF.CreateAsync(factory);

        var patch = await f.Client.PatchIfMatchAsync($"Users/{f.U1}", ifMatch, Replace("title", "Engineer"));

        Assert.Equal("Engineer", (await patch.ReadScimAsync(HttpStatusCode.OK))["title"]!.GetValue<string>());
        Assert.Equal("W/\"2\"", patch.ETag());
        var put = await f.Client.SendWithAsync(HttpMethod.Put, $"Users/{f.U1}", "If-Match", patch.ETag(), """{"userName":"user1@example.com","title":"Lead"}""");
        Assert.Equal("W/\"3\"", (await put.ReadScimAsync(HttpStatusCode.OK)).Version());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("W/7")]
    [InlineData("\"7")]
    [InlineData("\"7\" \"8\"")]
    [InlineData("*, \"7\"")]
    [InlineData(",")]
    public async Task IfMatch_Malformed_Is400_AndNothingIsApplied(string ifMatch)
    {
        var f = await FixtureF.CreateAsync(factory);

        var patch = await f.Client.PatchIfMatchAsync($"Users/{f.U1}", ifMatch, Replace("title", "Engineer"));
        var error = await patch.AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        Assert.Contains("If-Match", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await f.Client.SendWithAsync(HttpMethod.Delete, $"Users/{f.U1}", "If-Match", ifMatch))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");

        var user = await f.GetUserAsync(f.U1);
        Assert.Null(user["title"]);
        Assert.Equal("W/\"1\"", user.Version());
    }

    [Fact]
    public async Task IfMatch_OnDelete_DeletesOnlyTheVersionNamed()
    {
        var f = await FixtureF.CreateAsync(factory);
        var g1 = await f.CreateSalesGroupAsync(f.U1);
        await f.PatchUserOkAsync(f.U1, Replace("title", "Engineer"));

        await (await f.Client.SendWithAsync(HttpMethod.Delete, $"Users/{f.U1}", "If-Match", "W/\"1\"")).AssertPreconditionFailedAsync();
        Assert.Equal("Engineer", (await f.GetUserAsync(f.U1))["title"]!.GetValue<string>());
        Assert.Equal([f.U1], await f.MemberIdsAsync(g1));

        await (await f.Client.SendWithAsync(HttpMethod.Delete, $"Users/{f.U1}", "If-Match", "W/\"2\"")).AssertNoContentAsync();
        await (await f.Client.GetAsync($"Users/{f.U1}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Empty(await f.MemberIdsAsync(g1));

        await (await f.Client.SendWithAsync(HttpMethod.Delete, $"Users/{f.U1}", "If-Match", "W/\"2\"")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await f.Client.SendWithAsync(HttpMethod.Delete, $"Users/{f.U2}", "If-Match", "*")).AssertNoContentAsync();
    }

    [Fact]
    public async Task IfMatch_OnAnUnknownUser_Is404()
    {
        var client = await factory.CreateScimClientAsync();

        var patch = await client.PatchIfMatchAsync($"Users/{Guid.NewGuid()}", "W/\"1\"", Replace("title", "Engineer"));

        await patch.AssertScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IfNoneMatch_CurrentVersion_Is304_WhenTheVersionCoversWhatIsAskedFor()
    {
        var f = await FixtureF.CreateAsync(factory);
        await f.CreateSalesGroupAsync(f.U1);
        var uri = $"Users/{f.U1}?excludedAttributes=groups";

        await (await f.Client.SendWithAsync(HttpMethod.Get, uri, "If-None-Match", "W/\"1\"")).AssertNotModifiedAsync("W/\"1\"");
        await (await f.Client.SendWithAsync(HttpMethod.Get, uri, "If-None-Match", "\"1\"")).AssertNotModifiedAsync("W/\"1\"");
        await (await f.Client.SendWithAsync(HttpMethod.Get, uri, "If-None-Match", "*")).AssertNotModifiedAsync("W/\"1\"");
        await (await f.Client.SendWithAsync(HttpMethod.Get, $"Users/{f.U1}?attributes=userName", "If-None-Match", "W/\"1\"")).AssertNotModifiedAsync("W/\"1\"");

        await f.PatchUserOkAsync(f.U1, Replace("title", "Engineer"));
        var changed = await f.Client.SendWithAsync(HttpMethod.Get, uri, "If-None-Match", "W/\"1\"");
        Assert.Equal("Engineer", (await changed.ReadScimAsync(HttpStatusCode.OK))["title"]!.GetValue<string>());
        Assert.Equal("W/\"2\"", changed.ETag());

        await (await f.Client.SendWithAsync(HttpMethod.Get, uri, "If-None-Match", "nonsense")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task IfNoneMatch_WithGroups_ReturnsTheUser_SinceMembershipChangesDoNotChangeItsVersion()
    {
        var f = await FixtureF.CreateAsync(factory);
        var before = await f.GetUserAsync(f.U1);
        await f.CreateSalesGroupAsync(f.U1);

        var read = await f.Client.SendWithAsync(HttpMethod.Get, $"Users/{f.U1}", "If-None-Match", before.Version());

        var user = await read.ReadScimAsync(HttpStatusCode.OK);
        Assert.Equal(before.Version(), user.Version());
        Assert.Equal("Sales", Assert.Single(user["groups"]!.AsArray())!["display"]!.GetValue<string>());
    }

    [Fact]
    public async Task IfNoneMatch_WithTheManagersDisplayName_ReturnsTheUser_SinceARenameOfTheManagerDoesNotChangeItsVersion()
    {
        var client = await factory.CreateScimClientAsync();
        var (manager, member) = await client.CreateTeamMemberWithManagerAsync();
        var uri = $"Users/{member}?excludedAttributes=groups";
        var version = (await client.GetScimAsync(uri)).Version();
        await client.PatchUserOkAsync(manager, Replace("displayName", "Head of Team"));

        var read = await client.SendWithAsync(HttpMethod.Get, uri, "If-None-Match", version);

        Assert.Equal("Head of Team", (await read.ReadScimAsync(HttpStatusCode.OK))[Ent]!["manager"]!["displayName"]!.GetValue<string>());
        await (await client.SendWithAsync(HttpMethod.Get, $"{uri},{Ent}:manager.displayName", "If-None-Match", version)).AssertNotModifiedAsync(version);
    }

    [Fact]
    public async Task IfMatch_TwoPatchesWithTheSameVersionAtOnce_OneAppliesTheOtherIs412()
    {
        var f = await FixtureF.CreateAsync(factory);

        for (var round = 0; round < 20; round++)
        {
            var version = (await f.GetUserAsync(f.U1)).Version();
            var responses = await Task.WhenAll(
                f.Client.PatchIfMatchAsync($"Users/{f.U1}", version, Replace("title", $"a{round}")),
                f.Client.PatchIfMatchAsync($"Users/{f.U1}", version, Replace("title", $"b{round}")));

            var ok = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await Assert.Single(responses, r => r != ok).AssertPreconditionFailedAsync();
            var winner = (await ok.ReadScimAsync(HttpStatusCode.OK))["title"]!.GetValue<string>();
            Assert.Equal(winner, (await f.GetUserAsync(f.U1))["title"]!.GetValue<string>());
        }
    }
}
