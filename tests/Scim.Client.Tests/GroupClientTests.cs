using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>The /Groups flows through the generated client.</summary>
public sealed class GroupClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    [Fact]
    public async Task Create_patch_members_list_without_members_and_delete()
    {
        var client = await fixture.CreateClientAsync();
        var ann = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "ann@example.com" });
        var bob = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "bob@example.com" });

        var group = await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Engineering", ExternalId = "eng" });
        Assert.False(string.IsNullOrEmpty(group.Id));

        await client.PatchGroupAsync(group.Id!, PatchOperations.Request(PatchOperations.AddMembers(ann.Id!, bob.Id!)));
        var withMembers = await client.GetGroupAsync(group.Id!);
        Assert.Equal(
            new[] { ann.Id, bob.Id }.Order(StringComparer.Ordinal),
            withMembers.Members!.Select(m => m.Value).Order(StringComparer.Ordinal));

        await client.PatchGroupAsync(group.Id!, PatchOperations.Request(PatchOperations.RemoveMembers(ann.Id!)));
        Assert.Equal(bob.Id, Assert.Single((await client.GetGroupAsync(group.Id!)).Members!).Value);

        await client.PatchGroupAsync(group.Id!, PatchOperations.Request(PatchOperations.Replace("displayName", "Platform")));

        var listed = await client.ListGroupsAsync(filter: "displayName eq \"platform\"", excludedAttributes: "members");
        var listedGroup = Assert.Single(listed.Resources);
        Assert.Equal("Platform", listedGroup.DisplayName);
        Assert.Null(listedGroup.Members);

        await client.DeleteGroupAsync(group.Id!);
        var missing = await Assert.ThrowsAnyAsync<ScimException>(() => client.GetGroupAsync(group.Id!));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Duplicate_displayName_is_a_uniqueness_error()
    {
        var client = await fixture.CreateClientAsync();
        await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Sales" });

        var taken = await Assert.ThrowsAnyAsync<ScimException>(() => client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Sales" }));

        Assert.Equal(409, taken.Status);
        Assert.Equal("uniqueness", taken.ScimType);
    }

    [Fact]
    public async Task Unknown_extension_attributes_are_kept_on_groups()
    {
        var group = System.Text.Json.JsonSerializer.Deserialize<Group>("""{"displayName":"x","urn:example:ext:Group":{"site":"Oslo"}}""")!;

        Assert.Equal("Oslo", System.Text.Json.JsonSerializer.SerializeToElement(group).GetProperty("urn:example:ext:Group").GetProperty("site").GetString());
    }
}
