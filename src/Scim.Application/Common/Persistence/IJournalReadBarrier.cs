namespace Scim.Application.Common.Persistence;

/// <summary>
/// What a reader of the journal passes before it reads an organization's rows, so that it never moves past a row that
/// commits after it read: while the reader is inside, every journal row of the organization that has its sequence number
/// is committed (or rolled back), and no other row gets one. Where one writer commits the rows in sequence order (SQLite)
/// there is nothing to wait for; where writers commit in parallel (PostgreSQL) the reader waits for the journal inserts
/// being committed, which take their numbers under a lock of the organization that every writer shares and a reader
/// takes alone.
/// </summary>
public interface IJournalReadBarrier
{
    /// <summary>
    /// Enters the barrier of <paramref name="organizationId"/> on <paramref name="db"/>'s connection (on PostgreSQL a
    /// transaction of its own, which the read then runs in); disposing the result leaves it. Keep the read short: the
    /// organization's next journal inserts wait for it.
    /// </summary>
    ValueTask<IAsyncDisposable> EnterAsync(IScimDbContext db, Guid organizationId, CancellationToken cancellationToken);
}
