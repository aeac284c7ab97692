using Scim.IdpReplay;
using Scim.Testing;

namespace Scim.Api.Tests.IdpReplay;

/// <summary>
/// Replays a whole Microsoft Entra provisioning cycle (Test Connection, 50 users, 5 groups, member batches,
/// updates in both PATCH dialects, managers, deactivation, deletion, renames) and requires every answer to be right.
/// </summary>
public sealed class EntraProvisioningCycleTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/scim/v2")]
    public async Task EntraCycle_FullCycle_EveryRequestAnsweredCorrectly(string pathBase)
    {
        await using var factory = new ScimApiFactory { PathBase = pathBase };
        using var client = await factory.CreateScimClientAsync();
        var log = new StringWriter();

        var report = await IdpReplayRunner.RunAsync(client, new ReplayOptions(), log, CancellationToken.None);

        Assert.True(report.Succeeded, $"{report.Failures.Count} failures:\n{string.Join('\n', report.Failures)}\n\n{log}");
        Assert.True(report.RequestCount > 250, $"only {report.RequestCount} requests were sent");
    }
}
