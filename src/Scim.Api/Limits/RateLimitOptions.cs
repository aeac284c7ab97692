namespace Scim.Api.Limits;

/// <summary>
/// The <c>Scim:RateLimits</c> section: how many requests each organization may send (a token bucket per organization,
/// RFC 6585 §4's 429 beyond it), and how many refused tokens a client address may send.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>
    /// Requests per second each organization may send, sustained (default 100; Microsoft Entra ID sends at most about 25
    /// per tenant). A request counts once more per started <see cref="BodyBytesPerRequest"/> of body after the first
    /// (<see cref="RequestBodyCost"/>), at most <see cref="Burst"/> times. An organization may be given its own through the administration API
    /// (<c>rateLimit</c>). 1 to 100,000.
    /// </summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>How many requests an organization may send at once above the sustained rate (default 200, at least <see cref="RequestsPerSecond"/>).</summary>
    public int Burst { get; set; } = 200;

    /// <summary>
    /// The request body bytes one counted request pays for (default 4,096): a request counts once more per started
    /// this many bytes after the first, at most <see cref="Burst"/> times (<see cref="RequestBodyCost"/>). 1,024 to 1,048,576.
    /// </summary>
    public int BodyBytesPerRequest { get; set; } = RequestBodyCost.DefaultBytesPerToken;

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

    /// <summary>
    /// Expensive requests each organization may have running at once (default half the processor count, at least 1):
    /// searches (<c>POST /.search</c>, the root search), lists whose filter no index serves (<c>co</c>, <c>ew</c>,
    /// <c>ne</c>, <c>pr</c>, <c>not</c>) or has more than 10 clauses, <c>POST /Bulk</c>, PATCHes of more than 1,000
    /// values, and bodies over 64 KiB. 1 to 10,000; null for the default.
    /// </summary>
    public int? ExpensiveConcurrency { get; set; }

    /// <summary>Expensive requests of one organization that may wait for one of <see cref="ExpensiveConcurrency"/> (default 4); 0 to 10,000.</summary>
    public int ExpensiveQueue { get; set; } = 4;

    /// <summary>
    /// Seconds an expensive request waits in its organization's queue at most (default 5, more than 0); then, or at once
    /// when the queue is full, it is answered 503 with <c>Retry-After</c> of as many seconds.
    /// </summary>
    public double ExpensiveQueueSeconds { get; set; } = 5;

    /// <summary>Whether requests are limited at all (default true); off only to measure a server without limits.</summary>
    public bool Enabled { get; set; } = true;
}
