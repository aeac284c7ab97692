using Scim.IdpReplay;
using Scim.Testing;

namespace Scim.Api.Tests.IdpReplay;

/// <summary>
/// Replays JumpCloud's traffic for a custom SCIM integration (activation with a test user and group created and deleted,
/// 20 users, groups created with members, repeated member adds, PATCH replace per attribute, deprovisioning, deletes,
/// a rename) and requires every answer to be right.
/// </summary>
public sealed class JumpCloudProvisioningCycleTests
{
    [Fact]
    public async Task JumpCloudCycle_FullCycle_EveryRequestAnsweredCorrectly()
    {
        await using var factory = new ScimApiFactory();
        using var client = await factory.CreateScimClientAsync();
        var log = new StringWriter();

        var report = await IdpReplayRunner.RunAsync(client, new ReplayOptions { IdentityProvider = IdentityProvider.JumpCloud }, log, CancellationToken.None);

        Assert.True(report.Succeeded, $"{report.Failures.Count} failures:\n{string.Join('\n', report.Failures)}\n\n{log}");
        Assert.True(report.RequestCount > 100, $"only {report.RequestCount} requests were sent");
    }
}
