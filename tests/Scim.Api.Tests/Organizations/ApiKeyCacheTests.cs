using Microsoft.Extensions.Time.Testing;
using Scim.Application.Features.Organizations;
using Scim.Domain.Organizations;

namespace Scim.Api.Tests.Organizations;

/// <summary>
/// The cache of valid API keys: a key is found by its hash for the configured lifetime, measured on the clock the cache
/// is given; a zero lifetime turns the cache off; a forgotten key is not found again, and a lookup that began before a
/// key was forgotten (it may have read the key before its revocation committed) remembers nothing.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Remember_ValidKey_IsFoundByItsHashUntilTheLifetimeHasPassed()
    {
        using var cache = new ApiKeyCache(TimeSpan.FromSeconds(5), clock);
        var key = NewKey();

        cache.Remember(key, cache.Generation);
        clock.Advance(TimeSpan.FromSeconds(4.9));

        Assert.Same(key, cache.Find(key.SecretHash));
        Assert.Null(cache.Find("another-hash"));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Null(cache.Find(key.SecretHash));
    }

    [Fact]
    public void Remember_ZeroLifetime_RemembersNothing()
    {
        using var cache = new ApiKeyCache(TimeSpan.Zero, clock);
        var key = NewKey();

        cache.Remember(key, cache.Generation);

        Assert.Null(cache.Find(key.SecretHash));
    }

    [Fact]
    public void Forget_RememberedKey_IsNotFoundAgain()
    {
        using var cache = new ApiKeyCache(TimeSpan.FromSeconds(5), clock);
        var key = NewKey();
        cache.Remember(key, cache.Generation);

        cache.Forget(key.SecretHash);

        Assert.Null(cache.Find(key.SecretHash));
    }

    [Fact]
    public void Remember_LookupThatBeganBeforeAForget_RemembersNothing()
    {
        using var cache = new ApiKeyCache(TimeSpan.FromSeconds(5), clock);
        var key = NewKey();
        var generation = cache.Generation;

        // The revocation commits and forgets the key while the lookup reads it as it was before.
        cache.Forget(key.SecretHash);
        cache.Remember(key, generation);

        Assert.Null(cache.Find(key.SecretHash));
        cache.Remember(key, cache.Generation);
        Assert.Same(key, cache.Find(key.SecretHash));
    }

    private static ApiKey NewKey() => new()
    {
        Name = "test",
        Prefix = "scim_test",
        SecretHash = Guid.NewGuid().ToString("N"),
        Scopes = ApiKeyScopes.Scim,
    };
}
