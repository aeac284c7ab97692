using Scim.Protocol;

namespace Scim.Application.Common.Persistence;

/// <summary>
/// The one way changes to users, groups and members reach the database. A write is a short function of
/// <see cref="IWriteSession"/> statements, prepared entirely before it is handed over (parsing, validation, PATCH
/// application, rendering and every read happen outside), so the database's writer does only the statements.
/// </summary>
/// <remarks>
/// On SQLite, one writer runs the writes of many requests in one transaction and one durable commit (group commit),
/// each write inside a savepoint of its own. PostgreSQL runs writers in parallel and groups commits itself.
/// Either way each write applies all its statements or none, and its task completes only once the commit that
/// carries it is durable (<c>synchronous=FULL</c> on SQLite): an acknowledged write survives a crash.
/// </remarks>
public interface IResourceWriter
{
    /// <summary>
    /// Runs <paramref name="write"/> as part of the next durable commit. Its statements are kept when it returns a
    /// success and undone, without touching the other writes of the batch, when it returns an error or throws.
    /// </summary>
    /// <typeparam name="T">The write's answer.</typeparam>
    /// <param name="organizationId">Whose write it is: writers take organizations in turn, so one organization's
    /// queue of writes never holds up another's.</param>
    /// <param name="rows">About how many rows the write changes (1 for one resource, the member count for a member
    /// list): a write of thousands of rows is committed in a batch of its own instead of delaying a batch of small ones.</param>
    /// <param name="write">The statements; called on the writer, with the session bound to <paramref name="organizationId"/>.
    /// A write of many rows may be undone part way and called again later (SQLite lets small writes of other
    /// organizations commit first), so it must take everything from the session and what was prepared before it, and
    /// keep nothing of a run but its result.</param>
    /// <param name="cancellationToken">Cancels the write while it waits for its turn (again, after it gave the writer up);
    /// once it runs to its end it is committed.</param>
    /// <returns>What <paramref name="write"/> returned, after its commit is durable (or rolled back, for an error).</returns>
    Task<Result<T>> WriteAsync<T>(
        Guid organizationId, int rows, Func<IWriteSession, CancellationToken, ValueTask<Result<T>>> write, CancellationToken cancellationToken);
}
