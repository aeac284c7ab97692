using System.Threading.RateLimiting;
using Scim.Protocol;

namespace Scim.Api.Limits;

/// <summary>
/// What a request's body costs its organization beyond the request itself: one more token of the organization's bucket
/// (<see cref="RateLimitOptions.RequestsPerSecond"/>) per started <see cref="RateLimitOptions.BodyBytesPerRequest"/>
/// bytes after the first ones (4 KiB by default), at most <see cref="RateLimitOptions.Burst"/> in all. Requests per second alone do not bound the writes: one PATCH
/// may add 10,000 members. Weighed by its body, a PATCH of 100 members (about 5 KiB) costs 2 tokens and one of 5,000
/// (about 240 KiB) 60, so the default 100 tokens a second let an organization change about 8,000 members a second, far
/// beyond what an identity provider sends, while its large writes leave the database to others most of the time.
/// </summary>
/// <param name="organizations">The organizations' token buckets, ASP.NET Core's global rate limiter.</param>
/// <param name="bytesPerToken">The body bytes one token pays for; the request's own token pays for the first.</param>
public sealed class RequestBodyCost(PartitionedRateLimiter<HttpContext> organizations, int bytesPerToken)
{
    /// <summary>The default of <see cref="RateLimitOptions.BodyBytesPerRequest"/>: 4 KiB.</summary>
    public const int DefaultBytesPerToken = 4_096;

    /// <summary>
    /// Takes the tokens a body of <paramref name="bytes"/> costs beyond its request's own from the organization's bucket.
    /// </summary>
    /// <returns>
    /// Null when the request may go on (also for a request without an organization's limit: the operator, limits off);
    /// otherwise 429 with <see cref="ScimError.RetryAfter"/> and a detail saying what to do, to send as the answer.
    /// </returns>
    public ScimError? Charge(HttpContext context, long bytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (bytes <= bytesPerToken || ScimRateLimits.OrganizationLimit.Of(context) is not { } limit)
        {
            return null;
        }

        var tokens = (int)Math.Min(limit.Burst, (bytes + bytesPerToken - 1) / bytesPerToken);
        if (tokens <= 1)
        {
            // A bucket of one token: the request's own pays for everything.
            return null;
        }

        using var lease = organizations.AttemptAcquire(context, tokens - 1);
        if (lease.IsAcquired)
        {
            return null;
        }

        ScimRateLimits.CountRejection(limit.Organization);
        // Until the bucket holds the whole request again (its own token too), the refills coming once a second and the
        // first of them up to a second away.
        var missing = tokens - (organizations.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
        var after = TimeSpan.FromSeconds(1 + Math.Ceiling(missing / (double)limit.RequestsPerSecond));
        return new ScimError(StatusCodes.Status429TooManyRequests, null,
            $"This organization sent more than its limit of {limit.RequestsPerSecond:N0} requests per second (bursts of {limit.Burst:N0}), "
            + $"where a request counts once per started {Size(bytesPerToken)} of body (this one {tokens:N0} times); retry after the number "
            + "of seconds in Retry-After, send smaller batches, or ask the operator for a higher limit.")
        {
            RetryAfter = after,
        };
    }

    private static string Size(int bytes) => bytes % 1_024 == 0 ? $"{bytes / 1_024:N0} KiB" : $"{bytes:N0} bytes";
}
