using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Infrastructure.Sqlite.Writes;

/// <summary>
/// <see cref="IResourceWriter"/> on SQLite: one writer connection runs the queued writes in batches, one transaction
/// and one durable commit per batch (group commit: while a commit waits for the disk, the next batch gathers), each
/// write inside its own savepoint, so a failing write is undone alone. Writes are taken from the organizations in
/// turn, and a batch holds about <see cref="BatchRows"/> rows at most (a larger write is a batch of its own), so
/// another organization's small write waits for at most about one batch. A write of more than <see cref="YieldRows"/>
/// rows gives the writer up when a small write of another organization arrives while its statements run: it is undone,
/// the small writes are committed, and it runs again (at most <see cref="MaxYields"/> times undone), so a small write
/// waits for a chunk of a large one and its commit, not for all of its statements.
/// </summary>
internal sealed partial class SqliteResourceWriter : IResourceWriter, IAsyncDisposable
{
    /// <summary>About how many rows one batch writes before it is cut.</summary>
    public const int BatchRows = 1_000;

    /// <summary>Writes of more rows than this give the writer up to small writes of other organizations.</summary>
    public const int YieldRows = 256;

    /// <summary>How many times one write is undone to let small writes of other organizations go first.</summary>
    public const int MaxYields = 3;

    private const int MaxBatchWrites = 256;

    // Pages of log (4 KiB each) past which the writer copies the rest of it back itself between two batches, so that
    // the next write starts it over.
    private const int RestartLogPages = 4_096;

    private static readonly KeyValuePair<string, object?> DatabaseSystem = new("db.system", "sqlite");

    private readonly Channel<PendingWrite> incoming = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection connection;
    private readonly SqliteWriteSession session;
    private readonly ILogger logger;
    private readonly Task loop;
    private readonly WalCheckpointer checkpointer;
    private readonly Func<bool> smallWriteWaits;
    private long restartedAt = -1;

    // The organization of the large write running, while it may give the writer up.
    private Guid yielding;

    // Writes that arrived and wait for their turn, by organization, and the order in which organizations take turns.
    private readonly Dictionary<Guid, Queue<PendingWrite>> waiting = [];
    private readonly Queue<Guid> turns = new();

    // BEGIN, SAVEPOINT, RELEASE, ROLLBACK and COMMIT, prepared once.
    private readonly Dictionary<string, SqliteCommand> control = new(StringComparer.Ordinal);

    public SqliteResourceWriter(string connectionString, IModel model, IDatabaseFailures failures, ILogger<SqliteResourceWriter> logger)
    {
        this.logger = logger;
        connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            // synchronous=FULL: a commit returns only once the write-ahead log is on disk, so every answered write
            // survives a crash or power loss. foreign_keys: cascades and the manager reference, as EF Core's connections.
            // A 64 MB page cache (SQLite's default is 2 MB) keeps the index pages a large member change walks in memory.
            // No automatic checkpoints: the WalCheckpointer copies the log back beside the writer, not inside its commits.
            // A log that grew under a burst is cut back to 64 MB when it starts over.
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA cache_size=-65536; "
                + "PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864;";
            pragmas.ExecuteNonQuery();
        }

        session = new SqliteWriteSession(connection, model, failures);
        smallWriteWaits = SmallWriteWaits;
        checkpointer = new WalCheckpointer(connectionString, logger);
        loop = Task.Run(RunAsync);
    }

    public async Task<Result<T>> WriteAsync<T>(
        Guid organizationId, int rows, Func<IWriteSession, CancellationToken, ValueTask<Result<T>>> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(organizationId, Math.Max(rows, 1), write, cancellationToken);
        if (!incoming.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteResourceWriter), "The server is shutting down.");
        }

        ScimMetrics.WriterQueueDepth.Add(1, DatabaseSystem);

        return await pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        incoming.Writer.TryComplete();
        await loop;
        await checkpointer.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        while (waiting.Count > 0 || await incoming.Reader.WaitToReadAsync())
        {
            TakeIncoming();
            var batch = NextBatch();
            ScimMetrics.WriterQueueDepth.Add(-batch.Count, DatabaseSystem);
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception ex)
            {
                // The batch's transaction failed as a whole (the disk, the file): nothing of it is durable.
                LogBatchFailed(logger, ex, batch.Count);
                Execute("ROLLBACK", ignoreErrors: true);
                foreach (var write in batch)
                {
                    write.Fail(ex);
                }
            }

            RestartLogWhenLong();
        }
    }

    private void TakeIncoming()
    {
        while (incoming.Reader.TryRead(out var write))
        {
            if (!waiting.TryGetValue(write.OrganizationId, out var queue))
            {
                waiting[write.OrganizationId] = queue = new Queue<PendingWrite>();
                turns.Enqueue(write.OrganizationId);
            }

            queue.Enqueue(write);
        }
    }

    // Asked by the session between the chunks of a large write's statements, and by the writer after the last.
    private bool SmallWriteWaits()
    {
        TakeIncoming();
        foreach (var (organization, queue) in waiting)
        {
            if (organization != yielding && queue.Peek().Rows <= YieldRows)
            {
                return true;
            }
        }

        return false;
    }

    // Writes taken for a batch but not run go back to the front of their organizations' queues, in their order; the
    // organization of the first, which gave the writer up, takes its next turn after every organization waiting.
    private void PutBack(List<PendingWrite> writes)
    {
        var yielded = writes[0].OrganizationId;
        for (var i = turns.Count; i > 0; i--)
        {
            var organization = turns.Dequeue();
            if (organization != yielded)
            {
                turns.Enqueue(organization);
            }
        }

        if (waiting.ContainsKey(yielded))
        {
            turns.Enqueue(yielded);
        }

        for (var i = writes.Count - 1; i >= 0; i--)
        {
            var write = writes[i];
            if (waiting.TryGetValue(write.OrganizationId, out var queue))
            {
                waiting[write.OrganizationId] = new Queue<PendingWrite>(queue.Prepend(write));
            }
            else
            {
                waiting[write.OrganizationId] = new Queue<PendingWrite>([write]);
                turns.Enqueue(write.OrganizationId);
            }
        }

        ScimMetrics.WriterQueueDepth.Add(writes.Count, DatabaseSystem);
    }

    // The checkpointer copies the log back while writes go on, so under a steady stream of them some pages are always
    // newer than its last copy, and the log never starts over. Once it is long, the writer copies those last pages
    // itself between two batches (the answers of the last are already out; they are few, the checkpointer copied the
    // rest), and its next write starts the log over. Once per reading of the checkpointer's.
    private void RestartLogWhenLong()
    {
        var reading = checkpointer.Checkpoints;
        if (checkpointer.LogPages < RestartLogPages || reading == restartedAt)
        {
            return;
        }

        restartedAt = reading;
        var started = Stopwatch.GetTimestamp();
        Execute("PRAGMA wal_checkpoint(PASSIVE)", ignoreErrors: true);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRestarted(logger, reading, milliseconds);
        }
    }

    // One write from each organization in turn, until the batch is full; an organization whose queue is not empty
    // goes to the back of the line.
    private List<PendingWrite> NextBatch()
    {
        var batch = new List<PendingWrite>();
        var rows = 0;
        while (turns.Count > 0 && batch.Count < MaxBatchWrites)
        {
            var organization = turns.Peek();
            var queue = waiting[organization];
            var next = queue.Peek();
            if (batch.Count > 0 && rows + next.Rows > BatchRows)
            {
                break;
            }

            batch.Add(queue.Dequeue());
            rows += next.Rows;
            turns.Dequeue();
            if (queue.Count > 0)
            {
                turns.Enqueue(organization);
            }
            else
            {
                waiting.Remove(organization);
            }
        }

        return batch;
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var ran = new List<PendingWrite>(batch.Count);
        var kept = 0;
        Execute("BEGIN IMMEDIATE");
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            if (write.CancellationToken.IsCancellationRequested)
            {
                write.Cancel();
                continue;
            }

            session.OrganizationId = write.OrganizationId;
            yielding = write.OrganizationId;
            session.YieldWhen = write.Rows > YieldRows && write.Yields < MaxYields ? smallWriteWaits : null;
            Execute("SAVEPOINT write");
            bool keep;
            try
            {
                keep = await write.RunAsync(session);

                // Once more after the last chunk: a small write that arrived during it would otherwise wait for the
                // commit too, which cannot give way.
                if (keep)
                {
                    session.YieldAfterChunks();
                }
            }
            catch (WriteYielded)
            {
                // Undone; it and the writes after it in the batch run again after the small writes that arrived. With
                // nothing kept before it, the whole transaction is rolled back below.
                if (kept > 0)
                {
                    Execute("ROLLBACK TO write; RELEASE write");
                }

                if (logger.IsEnabled(LogLevel.Debug))
                {
                    var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogGaveWay(logger, write.Rows, milliseconds);
                }

                write.Yields++;
                ScimMetrics.WriterYields.Add(1, DatabaseSystem);
                PutBack(batch[i..]);
                // No longer this batch's: should its commit fail, they are not failed with it.
                batch.RemoveRange(i, batch.Count - i);
                break;
            }
            catch (Exception ex)
            {
                Execute("ROLLBACK TO write; RELEASE write");
                write.Fail(ex);
                continue;
            }
            finally
            {
                session.YieldWhen = null;
            }

            Execute(keep ? "RELEASE write" : "ROLLBACK TO write; RELEASE write");
            kept += keep ? 1 : 0;
            ran.Add(write);
        }

        if (kept == 0)
        {
            // Nothing to keep (the first write to keep gave way, or every write was cancelled, failed or refused): rolled
            // back, not committed. SQLite would write and sync every page a rolled back savepoint touched as if it had
            // changed (measured: a commit of 48 pages, 1.3-2.8 ms, after 3,000 member rows undone), and the small
            // writes that made a large one give way would wait for that.
            Execute("ROLLBACK");
        }
        else
        {
            Execute("COMMIT");
            ScimMetrics.WriterBatchSize.Record(ran.Count, DatabaseSystem);
        }

        foreach (var write in ran)
        {
            write.Complete();
        }

        if (kept > 0 && logger.IsEnabled(LogLevel.Debug))
        {
            var rows = ran.Sum(w => w.Rows);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogBatchCommitted(logger, ran.Count, rows, milliseconds);
        }
    }

    private void Execute(string sql, bool ignoreErrors = false)
    {
        if (!control.TryGetValue(sql, out var command))
        {
            control[sql] = command = connection.CreateCommand();
            command.CommandText = sql;
        }

        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException) when (ignoreErrors)
        {
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Committed a batch of {Writes} writes (about {Rows} rows) in {Milliseconds:F2} ms.")]
    private static partial void LogBatchCommitted(ILogger logger, int writes, int rows, double milliseconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Undid a write of about {Rows} rows after {Milliseconds:F2} ms to let small writes of other organizations go first.")]
    private static partial void LogGaveWay(ILogger logger, int rows, double milliseconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Copied the last pages of the log after checkpoint {Checkpoint} in {Milliseconds:F2} ms, so that the next write starts it over.")]
    private static partial void LogRestarted(ILogger logger, long checkpoint, double milliseconds);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "A batch of {Writes} writes failed to commit; none of them was applied.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int writes);
}
