using System.Net;
using System.Threading.RateLimiting;
using Scim.Application.Common;

namespace Scim.Api.Limits;

/// <summary>
/// Refused secrets per client address (<see cref="RateLimitOptions.RefusedTokensPerMinute"/>, a fixed one-minute
/// window): bearer tokens the API refused and keys the owner's sign-in form refused count alike, so neither is a way
/// around the other. Nothing is limited when <see cref="RateLimitOptions.Enabled"/> is false.
/// </summary>
public sealed class RefusedTokens(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
        address, _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RefusedTokensPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>How many refusals an address may have in a minute.</summary>
    public int PerMinute => options.RefusedTokensPerMinute;

    /// <summary>
    /// Null while <paramref name="address"/> may still present a secret; once it has used up its refusals, how long
    /// until it may again (counted as a rejection in the <c>scim.rate_limit.rejections</c> metric).
    /// </summary>
    public TimeSpan? Blocked(IPAddress? address)
    {
        if (!options.Enabled)
        {
            return null;
        }

        // Zero permits asks whether any is left, without using one.
        using var probe = limiter.AttemptAcquire(address?.ToString() ?? "", 0);
        if (probe.IsAcquired)
        {
            return null;
        }

        ScimMetrics.RateLimitRejections.Add(1, new KeyValuePair<string, object?>(ScimMetrics.RateLimitTag, "refused_token"));
        return probe.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    /// <summary>Counts a refused secret from <paramref name="address"/>.</summary>
    public void Refused(IPAddress? address)
    {
        if (options.Enabled)
        {
            limiter.AttemptAcquire(address?.ToString() ?? "").Dispose();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => limiter.Dispose();
}
