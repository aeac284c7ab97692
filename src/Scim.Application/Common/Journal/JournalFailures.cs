using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;

namespace Scim.Application.Common.Journal;

/// <summary>
/// The journal rows of failed requests, waiting to be written (singleton). A failed request committed nothing, so its
/// row has no transaction to join: it is queued here and <see cref="JournalFailureWriter"/> writes the queued rows in
/// batches through <see cref="IResourceWriter"/>, on SQLite as part of the next group commit. The queue is in memory:
/// rows still in it when the process dies are lost, and when it is full (a flood of failing requests faster than the
/// database takes them) new ones are dropped rather than slowing requests down.
/// </summary>
public sealed class JournalFailures
{
    /// <summary>How many rows may wait at most.</summary>
    public const int Capacity = 10_000;

    private readonly Channel<JournalEntry> rows = Channel.CreateBounded<JournalEntry>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues <paramref name="entry"/>; drops it when the queue is full.</summary>
    public void Enqueue(JournalEntry entry) => rows.Writer.TryWrite(entry);

    /// <summary>The queued rows, for <see cref="JournalFailureWriter"/>.</summary>
    internal ChannelReader<JournalEntry> Reader => rows.Reader;
}

/// <summary>
/// Writes the rows of <see cref="JournalFailures"/>: whatever is queued, up to <see cref="BatchRows"/> at a time,
/// one write per organization (so each takes its organization's turn at the writer), until the host stops, and then
/// what is left.
/// </summary>
internal sealed partial class JournalFailureWriter(JournalFailures queue, IResourceWriter writer, ILogger<JournalFailureWriter> logger)
    : BackgroundService
{
    /// <summary>The most rows one pass writes.</summary>
    public const int BatchRows = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: write what is queued, below.
        }

        while (queue.Reader.TryPeek(out _))
        {
            await WriteQueuedAsync();
        }
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<JournalEntry>();
        while (batch.Count < BatchRows && queue.Reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        await Task.WhenAll(batch.GroupBy(e => e.OrganizationId).Select(rows => WriteAsync(rows.Key, [.. rows])));
    }

    private async Task WriteAsync(Guid organizationId, List<JournalEntry> rows)
    {
        try
        {
            await writer.WriteAsync<bool>(organizationId, rows.Count, async (session, _) =>
            {
                // A request of a key another instance still had in its cache can fail after its organization was erased
                // or while it is: its rows would outlive the erasure.
                if (!await session.OrganizationOpenAsync())
                {
                    return false;
                }

                foreach (var row in rows)
                {
                    await session.JournalAsync(row);
                }

                return true;
            }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A failed request's row is a record of something that changed nothing: losing it is acceptable, stopping
            // the writer of the others is not.
            LogLost(logger, ex, rows.Count);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "{Rows} journal rows of failed requests could not be written and are lost.")]
    private static partial void LogLost(ILogger logger, Exception exception, int rows);
}
