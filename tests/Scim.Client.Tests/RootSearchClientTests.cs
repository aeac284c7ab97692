using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>
/// The search of the root through the generated client (<c>ListResourcesAsync</c>, <c>SearchResourcesAsync</c>): users
/// and groups in one page, told apart and read as their own types.
/// </summary>
public sealed class RootSearchClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    [Fact]
    public async Task Users_and_groups_come_back_as_their_types()
    {
        var client = await fixture.CreateClientAsync();
        var ann = await client.CreateUserAsync(new User
        {
            Schemas = [ScimSchemas.User, ScimSchemas.EnterpriseUser],
            UserName = "ann@example.com",
            DisplayName = "Research Lead",
            Enterprise = new EnterpriseUser { Department = "Research" },
        });
        var group = await client.CreateGroupAsync(new Group
        {
            Schemas = [ScimSchemas.Group],
            DisplayName = "Research",
            Members = [new Member { Value = ann.Id }],
        });

        var page = await client.ListResourcesAsync(filter: ScimFilter.Sw("displayName", "research"));

        Assert.Equal(2, page.TotalResults);
        Assert.Equal([true, false], page.Resources.Select(r => r.IsUser));
        Assert.Equal([false, true], page.Resources.Select(r => r.IsGroup));
        var user = Assert.Single(page.Users);
        Assert.Equal(ann.Id, user.Id);
        Assert.Equal("ann@example.com", user.UserName);
        Assert.Equal("Research", user.Enterprise?.Department);
        Assert.Equal(group.Id, Assert.Single(user.Groups!).Value);
        var listedGroup = Assert.Single(page.Groups);
        Assert.Equal("Research", listedGroup.DisplayName);
        Assert.Equal(ann.Id, Assert.Single(listedGroup.Members!).Value);
        Assert.Equal("Group", listedGroup.Meta.ResourceType);
        Assert.Throws<InvalidOperationException>(() => page.Resources[1].ToUser());
    }

    [Fact]
    public async Task Search_body_filters_pages_and_projects_across_both_types()
    {
        var client = await fixture.CreateClientAsync();
        var bob = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "bob@example.com", ExternalId = "shared" });
        var group = await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Ops", ExternalId = "shared" });
        await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "Other", ExternalId = "other" });

        var first = await client.SearchResourcesAsync(new SearchRequest
        {
            Schemas = [ScimSchemas.SearchRequest],
            Filter = ScimFilter.Eq("externalId", "shared"),
            Attributes = ["externalId"],
            Count = 1,
        });
        var second = await client.SearchResourcesAsync(new SearchRequest
        {
            Schemas = [ScimSchemas.SearchRequest],
            Filter = ScimFilter.Eq("externalId", "shared"),
            Attributes = ["externalId"],
            StartIndex = 2,
            Count = 1,
        });
        var groupsOnly = await client.SearchResourcesAsync(new SearchRequest
        {
            Schemas = [ScimSchemas.SearchRequest],
            Filter = ScimFilter.Eq("schemas", ScimSchemas.Group),
            ExcludedAttributes = ["members"],
        });

        Assert.Equal(2, first.TotalResults);
        Assert.Equal(bob.Id, Assert.Single(first.Users).Id);
        Assert.Null(Assert.Single(first.Users).UserName);
        Assert.Equal(group.Id, Assert.Single(second.Groups).Id);
        Assert.Equal("shared", Assert.Single(second.Resources).ExternalId);
        Assert.Empty(groupsOnly.Users);
        Assert.Equal(["Ops", "Other"], groupsOnly.Groups.Select(g => g.DisplayName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task What_the_root_refuses_is_a_ScimException()
    {
        var client = await fixture.CreateClientAsync();

        var refused = await Assert.ThrowsAnyAsync<ScimException>(() => client.SearchResourcesAsync(new SearchRequest
        {
            Schemas = [ScimSchemas.SearchRequest],
            Filter = "name eq \"x\"",
        }));

        Assert.Equal(400, refused.Status);
        Assert.Equal("invalidFilter", refused.ScimType);
        Assert.Contains("'name' is a complex attribute", refused.Detail, StringComparison.Ordinal);
    }
}
