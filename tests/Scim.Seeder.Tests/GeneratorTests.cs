using Scim.Seeder.Generation;

namespace Scim.Seeder.Tests;

/// <summary>The generated directory: deterministic, unique where the server requires it, shaped like Entra's.</summary>
public sealed class GeneratorTests
{
    private static readonly SeedPlan Plan = new(3, 5_000, 50, 20_000, "contoso.com");

    [Fact]
    public void The_same_seed_and_organization_give_the_same_users_and_groups()
    {
        var organization = Guid.NewGuid();
        var first = new DirectoryGenerator(Plan, organization);
        var second = new DirectoryGenerator(Plan, organization);

        Assert.Equal(first.Users().Select(Describe), second.Users().Select(Describe));
        Assert.Equal(first.Groups().Select(g => (g.Id, g.DisplayName, g.ExternalId, g.Size)), second.Groups().Select(g => (g.Id, g.DisplayName, g.ExternalId, g.Size)));
    }

    [Fact]
    public void More_users_keep_the_first_ones_as_they_were()
    {
        // Only titles may change: a larger directory gives some people reports, and managers are titled as such.
        var organization = Guid.NewGuid();
        var small = new DirectoryGenerator(Plan with { Users = 1_000 }, organization).Users().Select(u => Describe(u).Replace(u.Title, "", StringComparison.Ordinal));
        var large = new DirectoryGenerator(Plan, organization).Users().Take(1_000).Select(u => Describe(u).Replace(u.Title, "", StringComparison.Ordinal));

        Assert.Equal(small, large);
    }

    [Fact]
    public void UserNames_are_unique_case_insensitively_and_managers_come_first()
    {
        var users = new DirectoryGenerator(Plan, Guid.NewGuid()).Users().ToList();

        Assert.Equal(users.Count, users.Select(u => u.UserName.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u.Id).Distinct().Count());
        Assert.All(users, u => Assert.Matches(@"^[A-Za-z0-9.]+@contoso\.com$", u.UserName));
        Assert.All(users.Skip(1), u => Assert.InRange(u.ManagerIndex!.Value, 0, u.Index - 1));
        Assert.Contains(users, u => u.UserName.Contains('2', StringComparison.Ordinal));
    }

    [Fact]
    public void Members_are_distinct_users()
    {
        var generator = new DirectoryGenerator(Plan, Guid.NewGuid());
        foreach (var group in generator.Groups())
        {
            var members = new int[group.Size];
            generator.Members(group, members);
            Assert.Equal(group.Size, members.Distinct().Count());
            Assert.All(members, m => Assert.InRange(m, 0, Plan.Users - 1));
        }

        Assert.Equal(Plan.Memberships, generator.MembershipCount);
    }

    [Fact]
    public void Team_sizes_have_many_small_teams_and_a_few_organization_wide_ones()
    {
        var sizes = TeamSizes.Compute(42, 10_000, 1_000_000, 5_000_000);
        Assert.Equal(5_000_000, sizes.Sum(s => (long)s));
        Assert.True(sizes.Count(s => s <= 30) >= 5_000);
        Assert.InRange(sizes.Count(s => s >= 100_000), 3, 10);
        Assert.True(sizes.Max() <= 1_000_000);

        var small = TeamSizes.Compute(42, 10, 100, 5_000);
        Assert.Equal(1_000, small.Sum());
        Assert.All(small, s => Assert.Equal(100, s));
    }

    private static string Describe(SeedUser u) =>
        $"{u.Id}|{u.UserName}|{u.DisplayName}|{u.Title}|{u.Department}|{u.ManagerIndex}|{u.WorkEmail}|{u.OtherEmail}|{u.WorkPhone}|{u.MobilePhone}|{u.Office}|{u.CreatedUtc:O}";
}
