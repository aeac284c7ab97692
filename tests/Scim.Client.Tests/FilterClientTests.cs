using Scim.Client.Tests.Infrastructure;

namespace Scim.Client.Tests;

/// <summary>Filters built with <see cref="ScimFilter"/>, read by the real server: each matches exactly what it says.</summary>
public sealed class FilterClientTests(ScimClientFixture fixture) : IClassFixture<ScimClientFixture>
{
    // Values that would change the meaning of a filter spliced together as text, or that need escapes.
    private static readonly string[] HostileUserNames =
    [
        "\" or userName pr or \"",
        "\\\" or \"\" eq \"",
        "back\\slash",
        "trailing\\",
        "ünïcødé 日本 😀",
        "a) or (userName pr",
    ];

    [Fact]
    public async Task Hostile_values_match_exactly_the_user_that_has_them()
    {
        var client = await fixture.CreateClientAsync();
        var ids = new Dictionary<string, string>();
        foreach (var userName in HostileUserNames.Append("plain"))
        {
            ids[userName] = (await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = userName })).Id;
        }

        foreach (var userName in HostileUserNames)
        {
            var found = await client.ListAllUsersAsync(filter: ScimFilter.Eq("userName", userName)).ToListAsync();

            var user = Assert.Single(found);
            Assert.Equal(ids[userName], user.Id);
            Assert.Equal(userName, user.UserName);
        }

        // userName refuses control characters; title keeps them, and a filter finds it by them.
        var controlled = await client.CreateUserAsync(new User { Schemas = [ScimSchemas.User], UserName = "controlled", Title = "line\nbreak\ttab\u0001" });
        Assert.Equal(controlled.Id, Assert.Single(await client.ListAllUsersAsync(filter: ScimFilter.Eq("title", "line\nbreak\ttab\u0001")).ToListAsync()).Id);

        var withBackslash = await client.ListAllUsersAsync(filter: ScimFilter.Co("userName", "\\")).ToListAsync();
        Assert.Equal(
            new[] { "\\\" or \"\" eq \"", "back\\slash", "trailing\\" }.Order(StringComparer.Ordinal),
            withBackslash.Select(u => u.UserName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Value_paths_logic_and_dates_are_read_as_built()
    {
        var client = await fixture.CreateClientAsync();
        var ann = await client.CreateUserAsync(new User
        {
            Schemas = [ScimSchemas.User],
            UserName = "ann",
            Title = "Engineer",
            Emails = [new MultiValue { Value = "ann@work.example", Type = "work" }, new MultiValue { Value = "ann@home.example", Type = "home" }],
        });
        var bob = await client.CreateUserAsync(new User
        {
            Schemas = [ScimSchemas.User],
            UserName = "bob",
            Emails = [new MultiValue { Value = "bob@home.example", Type = "work" }, new MultiValue { Value = "bob@work.example", Type = "home" }],
        });

        // The work email of ann is at work.example; bob has a work email and a work.example address, but not in one value.
        var workAtWork = ScimFilter.ValuePath("emails", ScimFilter.Eq("type", "work") & ScimFilter.Ew("value", "@work.example"));
        Assert.Equal([ann.Id], await IdsAsync(client, workAtWork));
        Assert.Equal([bob.Id], await IdsAsync(client, ScimFilter.Not(ScimFilter.Pr("title"))));
        Assert.Equal(new[] { ann.Id, bob.Id }.Order(StringComparer.Ordinal), await IdsAsync(client, ScimFilter.Pr("title") | ScimFilter.Sw("userName", "b")));

        // As stored: a database may keep fewer digits of a second than the create answer showed.
        var modified = (await client.GetUserAsync(bob.Id)).Meta.LastModified!.Value;
        Assert.Equal([bob.Id], await IdsAsync(client, ScimFilter.Eq("userName", "bob") & ScimFilter.Eq("meta.lastModified", modified)));
        Assert.Equal([bob.Id], await IdsAsync(client, ScimFilter.Eq("userName", "bob") & ScimFilter.Ge("meta.lastModified", modified.ToOffset(TimeSpan.FromHours(-7)))));
        Assert.Empty(await IdsAsync(client, ScimFilter.Eq("userName", "bob") & ScimFilter.Gt("meta.lastModified", modified)));
    }

    private static async Task<string[]> IdsAsync(IScimClient client, ScimFilter filter) =>
        [.. (await client.ListAllUsersAsync(filter: filter).ToListAsync()).Select(u => u.Id).Order(StringComparer.Ordinal)];
}
