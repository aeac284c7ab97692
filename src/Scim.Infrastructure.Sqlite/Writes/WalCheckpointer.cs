using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Scim.Infrastructure.Sqlite.Writes;

/// <summary>
/// Copies the write-ahead log back into the database file on a connection of its own, every
/// <see cref="Interval"/>, so that the writer never does. SQLite's automatic checkpoint runs inside the COMMIT that
/// takes the log past 1,000 pages: every write of that batch waited while the log's pages were written to the file and
/// the file was flushed. PASSIVE: the checkpoint never waits for the writer or for readers; what it cannot copy yet
/// (pages a reader may still need) it copies next time, and the writer starts the log over once all of it is copied.
/// </summary>
internal sealed partial class WalCheckpointer : IAsyncDisposable
{
    /// <summary>How often the log is copied back.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public WalCheckpointer(string connectionString, ILogger logger) =>
        loop = Task.Run(() => RunAsync(connectionString, logger, stop.Token));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }

    private static async Task RunAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();

            // FULL: the database file is flushed before the log is started over, as the writer's own checkpoints did.
            command.CommandText = "PRAGMA synchronous=FULL";
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (SqliteException ex)
                {
                    // The next tick tries again; until one succeeds, the log only grows.
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (SqliteException ex)
        {
            LogCheckpointFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Copying the write-ahead log into the database file failed; it is tried again.")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
