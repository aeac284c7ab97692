using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Postgres.Writes;

/// <summary>
/// The journal lock of an organization, a transaction-scoped advisory lock: every write takes it shared for the insert of
/// its journal rows and its commit (<see cref="PostgresWriteSession.AppendJournalAsync"/>), so writers never wait for
/// each other; a reader of the journal takes it alone (<see cref="IJournalReadBarrier"/>). A sequence number is taken
/// only under the shared lock, which the commit releases once the row is visible; so when a reader holds the lock, every
/// number given out is committed or rolled back, and the numbers given out after it are higher than any it read. The
/// reader waits for the inserts being committed at that moment (not for whole writes: the lock is the last thing a
/// write takes), and the inserts that come meanwhile wait for its read.
/// </summary>
internal sealed class PostgresJournalLock : IJournalReadBarrier
{
    /// <summary>The lock's key, from the organization id in parameter <c>@org</c>.</summary>
    public const string Key = "hashtextextended('scim-journal:' || @org::text, 0)";

    public async ValueTask<IAsyncDisposable> EnterAsync(IScimDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT pg_advisory_xact_lock({Key})",
                [new NpgsqlParameter<Guid>("org", NpgsqlDbType.Uuid) { TypedValue = organizationId }],
                cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
