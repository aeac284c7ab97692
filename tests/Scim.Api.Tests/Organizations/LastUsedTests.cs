using System.Net;
using Scim.Domain.Organizations;
using Scim.Testing;

namespace Scim.Api.Tests.Organizations;

/// <summary>
/// A key's last use is written to the minute, within one flush interval (<c>Scim:ApiKeys:LastUsedFlushInterval</c>) of
/// the use, and never by the request itself.
/// </summary>
public sealed class LastUsedTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private readonly ScimApiFactory factory = new() { LastUsedFlushInterval = FlushInterval };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task LastUsed_AfterRequests_IsTheMinuteOfTheLatestUseOnceTheFlushIntervalHasPassed()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (keyId, token) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Read);
        var client = factory.CreateClientWithToken(token);
        Assert.Null((await factory.ReadApiKeyAsync(organizationId, keyId)).LastUsedUtc);

        var (from, to) = await UseAsync(client, "Users", 3);

        // Noted in memory only: no request writes it (the server's clock has not reached the first flush yet).
        Assert.Null((await factory.ReadApiKeyAsync(organizationId, keyId)).LastUsedUtc);
        factory.Clock.Advance(FlushInterval);
        var first = await WaitForLastUsedAsync(organizationId, keyId, null);
        AssertMinuteOfUse(from, to, first);

        // A use in a later minute moves it on at the next flush.
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        (from, to) = await UseAsync(client, "Groups", 1);
        factory.Clock.Advance(FlushInterval);
        AssertMinuteOfUse(from, to, await WaitForLastUsedAsync(organizationId, keyId, first));
    }

    [Fact]
    public async Task LastUsed_RefusedRequests_AreNoUse()
    {
        var (organizationId, _) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (expiredId, expiredToken) = await factory.CreateApiKeyAsync(organizationId, ApiKeyScopes.Scim, factory.Clock.GetUtcNow().AddSeconds(1));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var (usedId, usedToken) = await factory.CreateApiKeyAsync(organizationId);

        await (await factory.CreateClientWithToken(expiredToken).GetAsync("Users")).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        await (await factory.CreateClientWithToken(usedToken).GetAsync("Users")).ReadScimAsync(HttpStatusCode.OK);
        factory.Clock.Advance(FlushInterval);

        Assert.NotNull(await WaitForLastUsedAsync(organizationId, usedId, null));
        Assert.Null((await factory.ReadApiKeyAsync(organizationId, expiredId)).LastUsedUtc);
    }

    // The server's time just before the first request and just after the last.
    private async Task<(DateTime From, DateTime To)> UseAsync(HttpClient client, string uri, int requests)
    {
        var from = factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < requests; i++)
        {
            await (await client.GetAsync(uri)).ReadScimAsync(HttpStatusCode.OK);
        }

        return (from, factory.Clock.GetUtcNow().UtcDateTime);
    }

    private static void AssertMinuteOfUse(DateTime from, DateTime to, DateTime? lastUsed)
    {
        Assert.NotNull(lastUsed);
        Assert.Equal(0, lastUsed.Value.Ticks % TimeSpan.TicksPerMinute);
        Assert.InRange(lastUsed.Value, from.AddTicks(-(from.Ticks % TimeSpan.TicksPerMinute)), to);
    }

    // The flush runs in the background once the server's clock has passed the interval: wait (in real time) for its write.
    private async Task<DateTime?> WaitForLastUsedAsync(Guid organizationId, Guid keyId, DateTime? before)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var lastUsed = (await factory.ReadApiKeyAsync(organizationId, keyId)).LastUsedUtc;
            if (lastUsed != before)
            {
                return lastUsed;
            }

            await Task.Delay(50);
        }

        return before;
    }
}
