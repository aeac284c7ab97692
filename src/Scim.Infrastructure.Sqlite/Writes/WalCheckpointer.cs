using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Scim.Infrastructure.Sqlite.Writes;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, every
/// <see cref="Interval"/>, so that the writer's commits never do. SQLite's automatic checkpoint runs inside the COMMIT
/// that takes the log past 1,000 pages: every write of that batch waited while the log's pages were written to the file
/// and the file was flushed. PASSIVE: the checkpoint never waits for the writer or for readers; what it cannot copy yet
/// (pages a reader may still need, pages written meanwhile) it copies next time. The log starts over only when a write
/// begins after all of it was copied, which a steady stream of writes never allows: the writer does that last step
/// itself once <see cref="LogPages"/> is large (<see cref="SqliteResourceWriter"/>).
/// </summary>
internal sealed partial class WalCheckpointer : IAsyncDisposable
{
    /// <summary>How often the log is copied back.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int logPages;
    private long checkpoints;

    public WalCheckpointer(string connectionString, ILogger logger) =>
        loop = Task.Run(() => RunAsync(connectionString, logger, stop.Token));

    /// <summary>The pages in the log at the last checkpoint: how far it has grown since it last started over.</summary>
    public int LogPages => Volatile.Read(ref logPages);

    /// <summary>How many checkpoints have run: tells a new <see cref="LogPages"/> from the one seen before.</summary>
    public long Checkpoints => Volatile.Read(ref checkpoints);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private async Task RunAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        SqliteConnection? connection = null;
        try
        {
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    connection ??= Open(connectionString);
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    using var reader = command.ExecuteReader();
                    if (reader.Read())
                    {
                        // busy, pages in the log, pages copied (-1 when the file is not in WAL mode).
                        Volatile.Write(ref logPages, Math.Max(reader.GetInt32(1), 0));
                        Interlocked.Increment(ref checkpoints);
                    }
                }
                catch (SqliteException ex)
                {
                    // Opened again at the next tick; until a checkpoint succeeds, the log only grows.
                    LogCheckpointFailed(logger, ex);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // FULL: the database file is flushed before the log is started over, as the writer's own checkpoints did.
            command.CommandText = "PRAGMA synchronous=FULL";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Copying the write-ahead log into the database file failed; it is tried again.")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
