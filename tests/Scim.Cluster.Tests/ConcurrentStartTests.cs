using System.Net;
using Scim.Cluster.Tests.Infrastructure;
using Scim.Testing.Processes;

namespace Scim.Cluster.Tests;

/// <summary>
/// Two instances started at the same moment on a database that does not exist yet, with the defaults of a first start:
/// both come up, one of them migrates, one of them makes the first organization.
/// </summary>
[Collection(TwoServers.Name)]
public sealed class ConcurrentStartTests(ClusterFixture cluster)
{
    private const string Migrating = "Applying PostgreSQL migrations";
    private const string FirstStart = "First start: created organization 'Development'";

    [Fact]
    public async Task TwoServers_StartedAtOnceOnANewDatabase_BothServe_OneMigrates_OneMakesTheFirstOrganization()
    {
        ScimServer[] servers = [cluster.A, cluster.B];
        // The first organization is made after the server listens: wait for it, then give the other server the time to
        // finish its own attempt (it either finds the organization or loses the race to insert it).
        await WaitUntilAsync(() => servers.Any(s => s.Output.Contains(FirstStart, StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var outputs = string.Join("\n=====\n", servers.Select(s => s.Output));
        Assert.True(servers.Count(s => s.Output.Contains(Migrating, StringComparison.Ordinal)) == 1, outputs);
        Assert.True(servers.Count(s => s.Output.Contains(FirstStart, StringComparison.Ordinal)) == 1, outputs);
        foreach (var server in servers)
        {
            Assert.False(server.HasExited, server.Output);
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health")).StatusCode);
        }

        Assert.Single(await Sql.ColumnAsync<Guid>(cluster.ConnectionString, "SELECT \"Id\" FROM organizations WHERE \"Name\" = 'Development'"));
        var status = await cluster.AdminAsync("db", "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("the schema is current", status.Output, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
