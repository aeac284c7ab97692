using Scim.Seeder.Generation;
using Scim.Seeder.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Seeder.Tests;

/// <summary><c>--via api</c> against the real server in memory, through the generated client.</summary>
public sealed class ApiSeedingTests : IDisposable
{
    private readonly ScimApiFactory factory = new();

    [Fact]
    public async Task Seeds_users_managers_groups_and_memberships_and_a_re_run_finds_them_there()
    {
        var (_, token) = await factory.CreateOrganizationAsync("Api Corp");
        string[] args = ["--via", "api", "--token", token, "--users", "100", "--groups", "6", "--memberships", "450", "--seed", "5", "--concurrency", "8"];

        var first = await SeederRunner.RunAsync(factory, args);

        Assert.True(first.ExitCode == 0, first.Error);
        var client = SeederRunner.Client(factory, token);
        Assert.Equal(100, (await client.ListUsersAsync(count: 0)).TotalResults);
        var plan = new SeedPlan(5, 100, 6, 450, "contoso.com");
        var generator = new DirectoryGenerator(plan, Guid.Empty);
        var users = generator.Users().ToList();

        var user = users[42];
        var fetched = Assert.Single((await client.ListUsersAsync(filter: $"userName eq \"{user.UserName}\"")).Resources);
        var manager = Assert.Single((await client.ListUsersAsync(filter: $"userName eq \"{users[user.ManagerIndex!.Value].UserName}\"")).Resources);
        Assert.Equal(manager.Id, fetched.Enterprise?.Manager?.Value);
        Assert.Equal(user.WorkEmail, Assert.Single(fetched.Emails!, e => e.Type == "work").Value);

        var groups = (await client.ListGroupsAsync(count: 100)).Resources;
        Assert.Equal(6, groups.Count);
        var sizes = generator.Groups().ToDictionary(g => g.DisplayName, g => g.Size);
        Assert.All(groups, g => Assert.Equal(sizes[g.DisplayName!], g.Members?.Count ?? 0));
        Assert.Equal(450, groups.Sum(g => g.Members?.Count ?? 0));

        var second = await SeederRunner.RunAsync(factory, args);

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Matches(@"users\s+│\s+0\s+│\s+100", second.Output);
        Assert.Matches(@"groups\s+│\s+0\s+│\s+6", second.Output);
        Assert.Matches(@"managers \(PATCH\)\s+│\s+0\s+│\s+99", second.Output);
        Assert.Equal(100, (await client.ListUsersAsync(count: 0)).TotalResults);
        Assert.Equal(450, (await client.ListGroupsAsync(count: 100)).Resources.Sum(g => g.Members?.Count ?? 0));
    }

    public void Dispose() => factory.Dispose();
}
