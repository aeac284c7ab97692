using System.Net;
using Scim.Cluster.Tests.Infrastructure;
using Scim.Testing;

namespace Scim.Cluster.Tests;

/// <summary>
/// A key revoked with <c>keys revoke</c> beside running instances (in a process of its own, as each server is) stops
/// working on every one of them within the key-cache time.
/// </summary>
[Collection(TwoServers.Name)]
public sealed class KeyRevocationTests(ClusterFixture cluster)
{
    [Fact]
    public async Task KeysRevoke_AcceptedByBothServersBefore_RefusedByBothOnceTheCacheTimeHasPassed()
    {
        var (keyId, token) = await cluster.CreateOrganizationAsync($"revoke-{Guid.NewGuid():N}");
        using var a = cluster.A.CreateClient(token);
        using var b = cluster.B.CreateClient(token);
        // Both servers now remember the key as valid.
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("Users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("Users")).StatusCode);

        var revoked = await cluster.AdminAsync("keys", "revoke", keyId);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains("is revoked", revoked.Output, StringComparison.Ordinal);

        // What either server remembered expires at most the cache time after the revocation committed.
        await Task.Delay(TimeSpan.FromSeconds(ClusterFixture.ApiKeyCacheSeconds) + TimeSpan.FromMilliseconds(250));
        await (await a.GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        await (await b.GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
    }
}
