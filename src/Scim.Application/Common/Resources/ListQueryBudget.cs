namespace Scim.Application.Common.Resources;

/// <summary>
/// How long the database may work on one list or search query (<c>Scim:RateLimits:ListQuerySeconds</c>, 5 s by
/// default). A query still running after it is cancelled (on SQLite interrupted, on PostgreSQL cancelled through its
/// token) and the request is answered 503 Service Unavailable with <c>Retry-After</c> and a SCIM error saying how to
/// narrow the filter, so one costly filter never holds a connection and a core for long. A query that ends past the
/// budget all the same (a cancellation the database did not act on) is answered 503 too.
/// </summary>
/// <param name="Limit">The budget; positive.</param>
public sealed record ListQueryBudget(TimeSpan Limit)
{
    /// <summary>The default budget, 5 seconds.</summary>
    public static ListQueryBudget Default { get; } = new(TimeSpan.FromSeconds(5));
}
