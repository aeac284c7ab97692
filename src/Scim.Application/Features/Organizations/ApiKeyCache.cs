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
/// </summary>
public sealed class ApiKeyCache : IDisposable
{
    private const int MaxKeys = 10_000;

    private readonly MemoryCache cache;
    private readonly TimeSpan lifetime;

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

    /// <summary>Remembers a valid key for the configured lifetime.</summary>
    internal void Remember(ApiKey key)
    {
        if (lifetime > TimeSpan.Zero)
        {
            cache.Set(key.SecretHash, key, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        }
    }

    /// <summary>Forgets a key, e.g. because it was just revoked.</summary>
    internal void Forget(string secretHash) => cache.Remove(secretHash);

    /// <inheritdoc/>
    public void Dispose() => cache.Dispose();

    /// <summary>The memory cache's clock, read from a <see cref="TimeProvider"/>.</summary>
    private sealed class TimeProviderClock(TimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
