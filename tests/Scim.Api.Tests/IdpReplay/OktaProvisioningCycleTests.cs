using Scim.IdpReplay;
using Scim.Testing;

namespace Scim.Api.Tests.IdpReplay;

/// <summary>
/// Replays Okta's traffic for a SCIM 2.0 app integration (Test Connector Configuration, 110 users looked up and pushed,
/// Group Push, profile updates as GET then PUT, deactivation and reactivation, imports of two pages, group rename,
/// membership pushes, PUT and delete) and requires every answer to be right.
/// </summary>
public sealed class OktaProvisioningCycleTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/scim/v2")]
    public async Task OktaCycle_FullCycle_EveryRequestAnsweredCorrectly(string pathBase)
    {
        await using var factory = new ScimApiFactory { PathBase = pathBase };
        using var client = await factory.CreateScimClientAsync();
        var log = new StringWriter();

        var report = await IdpReplayRunner.RunAsync(client, new ReplayOptions { IdentityProvider = IdentityProvider.Okta }, log, CancellationToken.None);

        Assert.True(report.Succeeded, $"{report.Failures.Count} failures:\n{string.Join('\n', report.Failures)}\n\n{log}");
        Assert.True(report.RequestCount > 400, $"only {report.RequestCount} requests were sent");
    }
}
