using System.ComponentModel;
using System.Reflection;
using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>What the generated resource types promise a C# consumer about the members the server returns.</summary>
public sealed class ResourceTypeTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    private static readonly NullabilityInfoContext Nullability = new();

    [Theory]
    [InlineData(typeof(User), nameof(User.Id))]
    [InlineData(typeof(User), nameof(User.UserName))]
    [InlineData(typeof(User), nameof(User.Meta))]
    [InlineData(typeof(Group), nameof(Group.Id))]
    [InlineData(typeof(Group), nameof(Group.DisplayName))]
    [InlineData(typeof(Group), nameof(Group.Meta))]
    public void Members_every_answer_carries_are_not_nullable(Type type, string property)
    {
        Assert.Equal(NullabilityState.NotNull, Nullability.Create(type.GetProperty(property)!).ReadState);
    }

    [Theory]
    [InlineData(typeof(User), nameof(User.DisplayName))]
    [InlineData(typeof(User), nameof(User.ExternalId))]
    [InlineData(typeof(Group), nameof(Group.Members))]
    public void Optional_members_stay_nullable(Type type, string property)
    {
        Assert.Equal(NullabilityState.Nullable, Nullability.Create(type.GetProperty(property)!).ReadState);
    }

    [Fact]
    public async Task A_create_still_leaves_id_and_meta_out_and_gets_them_back()
    {
        var client = await fixture.CreateClientAsync();

        var user = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "new@example.com" });
        var group = await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = "New" });

        Assert.NotEmpty(user.Id);
        Assert.Equal("User", user.Meta.ResourceType);
        Assert.NotEmpty(group.Id);
        Assert.Equal("Group", group.Meta.ResourceType);
    }

    [Fact]
    public async Task The_enterprise_extension_is_reached_through_Enterprise_only()
    {
        var raw = typeof(User).GetProperties().Single(p => p.PropertyType == typeof(EnterpriseUser) && p.Name != nameof(User.Enterprise));
        Assert.Equal(EditorBrowsableState.Never, raw.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
        Assert.Null(typeof(User).GetProperty(nameof(User.Enterprise))!.GetCustomAttribute<EditorBrowsableAttribute>());

        var client = await fixture.CreateClientAsync();
        var created = await client.CreateUserAsync(new User
        {
            Schemas = [ScimSchemas.User, ScimSchemas.EnterpriseUser],
            UserName = "enterprise@example.com",
            Enterprise = new EnterpriseUser { CostCenter = "4130" },
        });

        Assert.Equal("4130", (await client.GetUserAsync(created.Id)).Enterprise?.CostCenter);
    }
}
