using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>
/// ETags through the generated client: every User and Group carries its version in <c>Meta.Version</c>; sent back as
/// <c>ifMatch</c> it applies a change only to that version, and a stale one is a <see cref="ScimException"/> with
/// status 412; <c>ifNoneMatch</c> on a current version is status 304 (no body).
/// </summary>
public sealed class ETagClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    [Fact]
    public async Task User_updates_with_the_etag_read_and_a_stale_one_is_412()
    {
        var client = await fixture.CreateClientAsync();
        var created = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "erin@example.com" });
        Assert.Equal("W/\"1\"", created.Meta?.Version);

        var patched = await client.PatchUserAsync(created.Id!, PatchOperations.Request(PatchOperations.Replace("title", "Engineer")), ifMatch: created.Meta!.Version);
        Assert.Equal("W/\"2\"", patched.Meta?.Version);
        Assert.Equal("W/\"2\"", (await client.GetUserAsync(created.Id!)).Meta?.Version);

        var stale = await Assert.ThrowsAnyAsync<ScimException>(() =>
            client.PatchUserAsync(created.Id!, PatchOperations.Request(PatchOperations.Replace("title", "Manager")), ifMatch: created.Meta.Version));
        Assert.Equal(412, stale.Status);
        Assert.Null(stale.ScimType);
        Assert.Contains("If-Match", stale.Detail, StringComparison.Ordinal);

        var replacement = new User { Schemas = [ScimSchemas.User], UserName = "erin@example.com", Title = "Lead" };
        Assert.Equal(412, (await Assert.ThrowsAnyAsync<ScimException>(() => client.ReplaceUserAsync(created.Id!, replacement, ifMatch: created.Meta.Version))).Status);
        var replaced = await client.ReplaceUserAsync(created.Id!, replacement, ifMatch: patched.Meta!.Version);
        Assert.Equal("Lead", replaced.Title);

        Assert.Equal(412, (await Assert.ThrowsAnyAsync<ScimException>(() => client.DeleteUserAsync(created.Id!, ifMatch: patched.Meta.Version))).Status);
        await client.DeleteUserAsync(created.Id!, ifMatch: replaced.Meta!.Version);
        Assert.Equal(404, (await Assert.ThrowsAnyAsync<ScimException>(() => client.GetUserAsync(created.Id!))).Status);
    }

    [Fact]
    public async Task Unchanged_user_read_with_ifNoneMatch_is_304()
    {
        var client = await fixture.CreateClientAsync();
        var created = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "fay@example.com" });

        var notModified = await Assert.ThrowsAnyAsync<ScimException>(() =>
            client.GetUserAsync(created.Id!, excludedAttributes: "groups", ifNoneMatch: created.Meta!.Version));

        Assert.Equal(304, notModified.Status);
        await client.PatchUserAsync(created.Id!, PatchOperations.Request(PatchOperations.Replace("title", "Engineer")));
        Assert.Equal("Engineer", (await client.GetUserAsync(created.Id!, excludedAttributes: "groups", ifNoneMatch: created.Meta!.Version)).Title);
    }

    [Fact]
    public async Task Group_member_patch_with_a_stale_etag_is_412_and_adds_no_member()
    {
        var client = await fixture.CreateClientAsync();
        var ann = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "ann@example.com" });
        var bob = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "bob@example.com" });
        var group = await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Engineering" });
        await client.PatchGroupAsync(group.Id!, PatchOperations.Request(PatchOperations.AddMembers(ann.Id!)), ifMatch: group.Meta!.Version);

        var stale = await Assert.ThrowsAnyAsync<ScimException>(() =>
            client.PatchGroupAsync(group.Id!, PatchOperations.Request(PatchOperations.AddMembers(bob.Id!)), ifMatch: group.Meta.Version));

        Assert.Equal(412, stale.Status);
        var read = await client.GetGroupAsync(group.Id!);
        Assert.Equal(ann.Id, Assert.Single(read.Members!).Value);
        Assert.Equal("W/\"2\"", read.Meta?.Version);
    }
}
