using System.Diagnostics;
using Scim.Protocol;

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

    /// <summary>
    /// Runs <paramref name="query"/> with a token cancelled when the budget ends. A query that fails for that
    /// cancellation, or ends past the budget all the same, is answered <paramref name="overBudget"/>; the caller's own
    /// cancellation (<paramref name="cancellationToken"/>) goes through as it is.
    /// </summary>
    /// <param name="query">The statements, given the budget's token.</param>
    /// <param name="overBudget">The error (a 503) of a query over the budget.</param>
    /// <param name="cancellationToken">The request's token.</param>
    /// <returns>What <paramref name="query"/> returned, or <paramref name="overBudget"/>'s error.</returns>
    public async Task<Result<T>> RunAsync<T>(Func<CancellationToken, Task<Result<T>>> query, Func<ScimError> overBudget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(overBudget);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Limit);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await query(deadline.Token);

            // Cancelling a statement is best effort: PostgreSQL ignores a cancel request that reaches the backend before
            // the statement does, and Npgsql skips one in some windows of sending it (npgsql/npgsql#5191); the statement
            // then runs to its end. A query that took longer than the budget is answered as over it all the same, so the
            // answer never depends on that race (the elapsed time for a timer that fired late).
            return !cancellationToken.IsCancellationRequested && (deadline.IsCancellationRequested || Stopwatch.GetElapsedTime(started) > Limit)
                ? overBudget()
                : result;
        }
        catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && IsCancellation(e))
        {
            return overBudget();
        }
    }

    // What a statement cancelled by the deadline throws: OperationCanceledException (PostgreSQL, or SQLite before the
    // statement starts), or the provider's "interrupted" error (SQLite's sqlite3_interrupt), possibly wrapped by EF Core.
    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || e is System.Data.Common.DbException || e.InnerException is { } inner && IsCancellation(inner);
}
