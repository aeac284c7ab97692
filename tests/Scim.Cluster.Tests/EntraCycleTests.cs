using System.Diagnostics;
using Scim.Cluster.Tests.Infrastructure;
using Scim.Testing;
using Scim.Testing.Processes;

namespace Scim.Cluster.Tests;

/// <summary>
/// Two Entra provisioning cycles (tools/Scim.IdpReplay with its default Entra profile, each checking every answer it gets) at once in one
/// organization, one through each instance, as two provisioning jobs behind a load balancer would.
/// </summary>
[Collection(TwoServers.Name)]
public sealed class EntraCycleTests(ClusterFixture cluster)
{
    // Each cycle provisions 50 users and 5 groups, then deletes one of each.
    private const int UsersLeft = 49, GroupsLeft = 4;

    [Fact]
    public async Task EntraCycle_OneThroughEachServerAtOnce_BothPass_BothServersSeeBothDirectories()
    {
        var (_, token) = await cluster.CreateOrganizationAsync($"entra-{Guid.NewGuid():N}");

        var runs = await Task.WhenAll(RunCycleAsync(cluster.A, token), RunCycleAsync(cluster.B, token));

        foreach (var run in runs)
        {
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        using var a = cluster.A.CreateClient(token);
        using var b = cluster.B.CreateClient(token);
        var groupsSeenByA = await GroupsAsync(a);
        foreach (var client in new[] { a, b })
        {
            Assert.Equal(2 * UsersLeft, (await client.GetListAsync("Users?count=1"))["totalResults"]!.GetValue<int>());
            Assert.Equal(2 * GroupsLeft, (await client.GetListAsync("Groups?count=1"))["totalResults"]!.GetValue<int>());
            Assert.Equal(groupsSeenByA, await GroupsAsync(client));
        }
    }

    private static Task<ProcessResult> RunCycleAsync(ScimServer server, string token)
    {
        var start = new ProcessStartInfo(BuildOutput.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { BuildOutput.Find(typeof(EntraCycleTests).Assembly, "IdpReplayAssembly"), "--base-url", server.BaseAddress.ToString(), "--token", token, "--run-id", $"{Guid.NewGuid():N}"[..12] })
        {
            start.ArgumentList.Add(arg);
        }

        return ScimProcess.RunToEndAsync(start);
    }

    // Every group's name and sorted member ids, as one comparable text.
    private static async Task<string> GroupsAsync(HttpClient client)
    {
        var list = await client.GetListAsync("Groups?count=100");
        return string.Join('\n', list["Resources"]!.AsArray()
            .Select(g => $"{g!["displayName"]}: {string.Join(',', (g["members"]?.AsArray() ?? []).Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal));
    }
}
