using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Organizations;
using Scim.Domain.Journal;
using Scim.Protocol;

namespace Scim.Application.Features.Journal;

/// <summary>
/// An organization's activity: its journal rows, committed changes and failed requests, newest first (by time, then
/// sequence), filtered by time range, resource, operation and outcome, paged by an opaque cursor bound to the
/// filters. Read from the (organization, time, sequence) index, backwards from the cursor's position (a resource's
/// rows from the (organization, resource) index); the operation and outcome filters are checked on the rows read.
/// A view for people, not a feed: a page reads what is committed when it runs (the change feed,
/// <see cref="ListChanges"/>, is the one that never passes a row still being committed).
/// </summary>
public static class ListActivity
{
    /// <summary>The most rows one page holds.</summary>
    public const int MaxCount = ReadJournal.MaxLimit;

    /// <summary>The rows a page holds without <c>count</c>.</summary>
    public const int DefaultCount = 100;

    /// <param name="OrganizationId">Whose activity.</param>
    /// <param name="Filter">Which rows.</param>
    /// <param name="Cursor">The <c>nextCursor</c> of the previous page; null or empty for the newest rows.</param>
    /// <param name="Count">How many rows at most (1 to <see cref="MaxCount"/>).</param>
    public sealed record Query(Guid OrganizationId, ActivityFilter Filter, string? Cursor, int Count = DefaultCount) : IQuery<Result<Page>>;

    /// <summary>What rows the activity shows; every member null shows every row.</summary>
    /// <param name="Since">Rows at or after this time (UTC).</param>
    /// <param name="Until">Rows before this time (UTC).</param>
    /// <param name="ResourceId">The rows of one user or group.</param>
    /// <param name="Operation">The rows of one operation.</param>
    /// <param name="Outcome">Committed changes or failed requests only.</param>
    public sealed record ActivityFilter(DateTime? Since, DateTime? Until, Guid? ResourceId, JournalOperation? Operation, JournalOutcome? Outcome)
    {
        /// <summary>What a cursor of these filters is bound to.</summary>
        internal string Binding => $"journal:activity\n{Since?.Ticks}\n{Until?.Ticks}\n{ResourceId}\n{Operation}\n{Outcome}";

        /// <summary>The rows of <paramref name="organizationId"/> these filters keep.</summary>
        internal IQueryable<JournalEntry> Apply(IQueryable<JournalEntry> journal, Guid organizationId)
        {
            var rows = journal.Where(j => j.OrganizationId == organizationId).OfDirectory();
            if (Since is { } since)
            {
                rows = rows.Where(j => j.TimeUtc >= since);
            }

            if (Until is { } until)
            {
                rows = rows.Where(j => j.TimeUtc < until);
            }

            if (ResourceId is { } resource)
            {
                rows = rows.Where(j => j.ResourceId == resource);
            }

            if (Operation is { } operation)
            {
                rows = rows.Where(j => j.Operation == operation);
            }

            return Outcome switch
            {
                JournalOutcome.Committed => rows.Where(j => j.Status == null),
                JournalOutcome.Failed => rows.Where(j => j.Status != null),
                _ => rows,
            };
        }
    }

    /// <summary>A page of the activity.</summary>
    /// <param name="Rows">The rows, newest first.</param>
    /// <param name="NextCursor">Where the next (older) page starts; null on the last page.</param>
    public sealed record Page(IReadOnlyList<JournalRow> Rows, string? NextCursor);

    internal sealed class Handler(IScimDbContext db, ListCursors cursors) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.Count is < 1 or > MaxCount)
            {
                return ScimError.InvalidValue($"count must be between 1 and {MaxCount}; it was {query.Count}.");
            }

            var rows = query.Filter.Apply(db.Journal.AsNoTracking(), query.OrganizationId);
            if (!string.IsNullOrEmpty(query.Cursor))
            {
                var position = cursors.Read(query.Cursor, query.OrganizationId, query.Filter.Binding, 2);
                if (!position.IsSuccess)
                {
                    return position.Error;
                }

                var (time, sequence) = (new DateTime(position.Value![0], DateTimeKind.Utc), position.Value[1]);
                rows = rows.Where(j => j.TimeUtc < time || (j.TimeUtc == time && j.Sequence < sequence));
            }

            if (!await db.Organizations.IsInUseAsync(query.OrganizationId, cancellationToken))
            {
                return OrganizationQueries.NotFound(query.OrganizationId.ToString());
            }

            // One more than the page: whether there is a next one, without counting.
            var entries = await rows.OrderByDescending(j => j.TimeUtc).ThenByDescending(j => j.Sequence)
                .Take(query.Count + 1).ToListAsync(cancellationToken);
            var page = entries.Take(query.Count).Select(JournalRow.Of).ToList();
            var next = entries.Count > query.Count
                ? cursors.Issue(query.OrganizationId, query.Filter.Binding, page[^1].TimeUtc.Ticks, page[^1].Sequence)
                : null;
            return new Page(page, next);
        }
    }
}
