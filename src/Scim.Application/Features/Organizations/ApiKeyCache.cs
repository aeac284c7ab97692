using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Scim.Domain.Organizations;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Valid API keys remembered for a short time (<c>Scim:ApiKeyCacheSeconds</c>, default 5; 0 turns it off), so a busy
/// client costs one key lookup per interval instead of one per request (≈15 % of the CPU of a GET by id). Keys are
/// remembered by their SHA-256 hash, only when valid, at most 10,000 at a time. A key revoked through this process
/// is forgotten at once; one revoked by another process (<c>keys revoke</c> beside a running server) keeps working
/// until its entry expires. A key's own expiry is not delayed by the cache: <see cref="AuthenticateApiKey"/> checks it on
/// every request, remembered or not. Entries expire by the <see cref="TimeProvider"/> the cache is given.
/// A lookup that began before a <see cref="Forget"/> never remembers what it read (<see cref="Generation"/>): it may have
/// read the key as it was before the revocation committed.
/// </summary>
public sealed class ApiKeyCache : IDisposable
{
    private const int MaxKeys = 10_000;

    private readonly MemoryCache cache;
    private readonly TimeSpan lifetime;
    private long forgets;

    /// <param name="lifetime">How long a valid key is trusted without a lookup; zero or less disables the cache.</param>
    /// <param name="clock">The clock that entries expire by.</param>
    public ApiKeyCache(TimeSpan lifetime, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        this.lifetime = lifetime;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxKeys, Clock = new TimeProviderClock(clock) });
    }

    /// <summary>The remembered key with this secret hash, if any.</summary>
    internal ApiKey? Find(string secretHash) => cache.Get<ApiKey>(secretHash);

    /// <summary>How many keys have been forgotten so far: read before a key is looked up, passed to <see cref="Remember"/>.</summary>
    internal long Generation => Interlocked.Read(ref forgets);

    /// <summary>
    /// Remembers a valid key for the configured lifetime, unless a key was forgotten since <paramref name="generation"/>
    /// was read: the key was then read before a revocation's commit, or concurrently with it.
    /// </summary>
    internal void Remember(ApiKey key, long generation)
    {
        if (lifetime <= TimeSpan.Zero || Generation != generation)
        {
            return;
        }

        cache.Set(key.SecretHash, key, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        // A Forget between the check above and the Set: either its Remove ran after the Set, or its count is seen here.
        if (Generation != generation)
        {
            cache.Remove(key.SecretHash);
        }
    }

    /// <summary>Forgets a key, e.g. because it was just revoked; lookups in flight will not remember it either.</summary>
    internal void Forget(string secretHash)
    {
        Interlocked.Increment(ref forgets);
        cache.Remove(secretHash);
    }

    /// <inheritdoc/>
    public void Dispose() => cache.Dispose();

    /// <summary>The memory cache's clock, read from a <see cref="TimeProvider"/>.</summary>
    private sealed class TimeProviderClock(TimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
