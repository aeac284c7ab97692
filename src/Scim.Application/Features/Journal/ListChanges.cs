using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Journal;

/// <summary>
/// An organization's change feed: its committed changes (not its failed requests), in commit order, read through
/// <see cref="ReadJournal"/> from an opaque cursor that holds the last sequence number passed. Every page has a next
/// cursor, also an empty one (the same position), so a watcher polls with it; a reader that resumes from the last cursor
/// it received gets every change committed since, none missed, some again when it lost a page (at least once). A reader
/// that wants only what is committed from now on starts at the end (<see cref="Query.FromNow"/>).
/// </summary>
public static class ListChanges
{
    /// <summary>The most changes one page holds.</summary>
    public const int MaxCount = ReadJournal.MaxLimit;

    /// <summary>The changes a page holds without <c>count</c>.</summary>
    public const int DefaultCount = 100;

    // The journal pages one request reads at most while it skips failed requests: a page may then hold fewer changes than
    // asked for, and its cursor is past what was read.
    private const int MaxReads = 10;

    private const string Binding = "journal:changes";

    /// <param name="OrganizationId">Whose changes.</param>
    /// <param name="Cursor">The <c>nextCursor</c> of the previous page; null or empty from the oldest change kept.</param>
    /// <param name="Count">How many changes at most (1 to <see cref="MaxCount"/>).</param>
    /// <param name="FromNow">
    /// Instead of a cursor: an empty page whose cursor is the end of the feed (<see cref="ReadJournalEnd"/>), so that the
    /// next page holds only changes committed after this one was read.
    /// </param>
    public sealed record Query(Guid OrganizationId, string? Cursor, int Count = DefaultCount, bool FromNow = false) : IQuery<Result<Page>>;

    /// <summary>A page of the feed.</summary>
    /// <param name="Changes">The committed changes, in commit order.</param>
    /// <param name="NextCursor">Where the next page starts: after the last change of this page (or the last row read).</param>
    public sealed record Page(IReadOnlyList<JournalRow> Changes, string NextCursor);

    internal sealed class Handler(IScimDbContext db, IMediator mediator, ListCursors cursors) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.Count is < 1 or > MaxCount)
            {
                return ScimError.InvalidValue($"count must be between 1 and {MaxCount}; it was {query.Count}.");
            }

            if (query.FromNow && !string.IsNullOrEmpty(query.Cursor))
            {
                return ScimError.InvalidValue("start=now begins a new reading at the end of the feed, and a cursor continues one: send one of them.");
            }

            var after = 0L;
            if (!string.IsNullOrEmpty(query.Cursor))
            {
                var position = cursors.Read(query.Cursor, query.OrganizationId, Binding, 1);
                if (!position.IsSuccess)
                {
                    return position.Error;
                }

                after = position.Value![0];
            }

            if (!await db.Organizations.IsInUseAsync(query.OrganizationId, cancellationToken))
            {
                return OrganizationQueries.NotFound(query.OrganizationId.ToString());
            }

            if (query.FromNow)
            {
                return new Page([], cursors.Issue(query.OrganizationId, Binding, await mediator.Send(new ReadJournalEnd.Query(query.OrganizationId), cancellationToken)));
            }

            var changes = new List<JournalRow>(Math.Min(query.Count, 128));
            for (var read = 0; read < MaxReads && changes.Count < query.Count; read++)
            {
                var rows = await mediator.Send(new ReadJournal.Query(query.OrganizationId, after, query.Count), cancellationToken);
                foreach (var row in rows)
                {
                    after = row.Sequence;
                    if (row.Outcome == JournalOutcome.Committed && row.IsOfDirectory())
                    {
                        changes.Add(row);
                        if (changes.Count == query.Count)
                        {
                            break;
                        }
                    }
                }

                if (rows.Count < query.Count)
                {
                    break;
                }
            }

            return new Page(changes, cursors.Issue(query.OrganizationId, Binding, after));
        }
    }
}
