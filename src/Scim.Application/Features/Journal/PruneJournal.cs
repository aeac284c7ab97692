using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Application.Features.Journal;

/// <summary>
/// Deletes an organization's journal rows that are older than a time or beyond a number of newest rows, oldest first,
/// a bounded batch per statement. Each statement is a write of the organization through <see cref="IResourceWriter"/>,
/// taking its turn with the organization's other writes (on SQLite, in the group commit), so no write waits behind more
/// than one batch of deletions.
/// </summary>
public static class PruneJournal
{
    /// <param name="OrganizationId">Whose journal.</param>
    /// <param name="Before">Rows written before this time (UTC) go.</param>
    /// <param name="Keep">At most this many of the newest rows stay.</param>
    /// <param name="BatchSize">The most rows one statement deletes.</param>
    /// <param name="Pause">How long to wait between two statements.</param>
    public sealed record Command(Guid OrganizationId, DateTime Before, int Keep, int BatchSize, TimeSpan Pause) : ICommand<int>;

    internal sealed class Handler(IScimDbContext db, IResourceWriter writer) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            if (await LastToDeleteAsync(command, cancellationToken) is not { } through)
            {
                return 0;
            }

            var deleted = 0;
            while (true)
            {
                var batch = await writer.WriteAsync(
                    command.OrganizationId,
                    command.BatchSize,
                    async (session, _) => (Result<int>)await session.DeleteJournalAsync(through, command.BatchSize),
                    cancellationToken);
                deleted += batch.Value;
                if (batch.Value < command.BatchSize)
                {
                    return deleted;
                }

                await Task.Delay(command.Pause, cancellationToken);
            }
        }

        // Rows are deleted in sequence order, through the newest row that is too old or beyond the number kept: both
        // found by an index (by time, and by sequence from the newest end).
        private async Task<long?> LastToDeleteAsync(Command command, CancellationToken cancellationToken)
        {
            var rows = db.Journal.AsNoTracking().Where(j => j.OrganizationId == command.OrganizationId);
            var old = await rows.Where(j => j.TimeUtc < command.Before)
                .OrderByDescending(j => j.TimeUtc).Select(j => (long?)j.Sequence).FirstOrDefaultAsync(cancellationToken);
            var beyond = await rows.OrderByDescending(j => j.Sequence).Skip(command.Keep)
                .Select(j => (long?)j.Sequence).FirstOrDefaultAsync(cancellationToken);
            return old is null ? beyond : beyond is null ? old : Math.Max(old.Value, beyond.Value);
        }
    }
}
