namespace Scim.Api.Limits;

/// <summary>
/// The <c>Scim:RateLimits</c> section: how many requests each organization may send (a token bucket per organization,
/// RFC 6585 §4's 429 beyond it), and how many refused tokens a client address may send.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// Requests per second each organization may send, sustained (default 100; Microsoft Entra ID sends at most about 25
    /// per tenant). An organization may be given its own through the administration API (<c>rateLimit</c>). 1 to 100,000.
    /// </summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>How many requests an organization may send at once above the sustained rate (default 200, at least <see cref="RequestsPerSecond"/>).</summary>
    public int Burst { get; set; } = 200;

    /// <summary>
    /// Requests with a refused bearer token (unknown, revoked or expired) one client address may send per minute
    /// (default 20); beyond it every request of that address with a bearer token is answered 429 until the minute ends.
    /// </summary>
    public int RefusedTokensPerMinute { get; set; } = 20;

    /// <summary>
    /// Seconds the database may work on one list or search query (default 5, more than 0); a query still running then
    /// is cancelled and answered 503 with <c>Retry-After</c>. Applies whether or not <see cref="Enabled"/> is set.
    /// </summary>
    public double ListQuerySeconds { get; set; } = 5;

    /// <summary>Whether requests are limited at all (default true); off only to measure a server without limits.</summary>
    public bool Enabled { get; set; } = true;
}
