using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Organizations;
using Scim.Domain.Journal;
using Scim.Protocol;

namespace Scim.Application.Features.Journal;

/// <summary>
/// An organization's journal summarised as provisioning runs: the consecutive rows of one API key (one identity provider
/// connection), each less than a gap (default 10 minutes; Entra ID provisions about every 40 minutes) after the key's
/// previous row, with what they did (creates, updates, deactivations, deletions) and how they failed (by
/// <c>scimType</c>, with the first failures' details). Newest run first: ordered by its last row. A run holds the rows
/// between <c>since</c> and <c>until</c>: one that began before <c>since</c> shows its part after it.
/// <para>
/// Read newest first from the (organization, time, sequence) index in growing batches, at most
/// <see cref="MaxRowsRead"/> rows per request, and grouped while reading: a run is known whole once the reading has
/// passed a gap before its first row. When the budget runs out first the page says so (<see cref="Page.Truncated"/>)
/// and its unfinished runs say so (<see cref="ProvisioningRun.Complete"/>); the next page continues where it stopped.
/// The journal holds changes and failed requests, not successful reads, so a run counts the requests that changed
/// something or failed.
/// </para>
/// </summary>
public static class ListProvisioningRuns
{
    /// <summary>The most runs one page holds.</summary>
    public const int MaxCount = 100;

    /// <summary>The runs a page holds without <c>count</c>.</summary>
    public const int DefaultCount = 10;

    /// <summary>The most journal rows one request reads.</summary>
    public const int MaxRowsRead = 20_000;

    /// <summary>How many failures a run details.</summary>
    public const int FailureDetails = 5;

    /// <summary>The gap without <c>gap</c>.</summary>
    public static readonly TimeSpan DefaultGap = TimeSpan.FromMinutes(10);

    /// <summary>The largest gap.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromDays(1);

    // A page of a few runs reads a few hundred rows; a long run reads on in batches up to the largest.
    private const int FirstBatch = 250;
    private const int LargestBatch = 4_000;

    // The keys a cursor remembers: an organization's keys that were in the middle of a run where a page stopped.
    private const int MaxCursorKeys = 1_000;

    /// <param name="OrganizationId">Whose journal.</param>
    /// <param name="Since">Rows at or after this time (UTC).</param>
    /// <param name="Until">Rows before this time (UTC).</param>
    /// <param name="Gap">The quiet time that ends a key's run (above zero, at most <see cref="MaxGap"/>).</param>
    /// <param name="Cursor">The <c>nextCursor</c> of the previous page; null or empty for the newest runs.</param>
    /// <param name="Count">How many runs at most (1 to <see cref="MaxCount"/>).</param>
    public sealed record Query(Guid OrganizationId, DateTime? Since, DateTime? Until, TimeSpan Gap, string? Cursor, int Count = DefaultCount)
        : IQuery<Result<Page>>
    {
        /// <summary>What a cursor of this query is bound to.</summary>
        internal string Binding => $"journal:runs\n{Since?.Ticks}\n{Until?.Ticks}\n{Gap.Ticks}";
    }

    /// <summary>A page of runs.</summary>
    /// <param name="Runs">The runs, newest (by last row) first.</param>
    /// <param name="RowsRead">How many journal rows the request read.</param>
    /// <param name="Truncated">True when it stopped at the <see cref="MaxRowsRead"/> (20,000) rows a request reads before finishing the page.</param>
    /// <param name="NextCursor">Where the next (older) page starts; none on the last page.</param>
    public sealed record Page(IReadOnlyList<ProvisioningRun> Runs, int RowsRead, bool Truncated, string? NextCursor);

    /// <summary>One provisioning run.</summary>
    /// <param name="KeyId">The API key of its requests (null for requests that had none).</param>
    /// <param name="KeyPrefix">The first characters of its token.</param>
    /// <param name="KeyLabel">Its name.</param>
    /// <param name="Dialect">The provisioning client's dialect (of the last request).</param>
    /// <param name="Start">The time of its first row (UTC).</param>
    /// <param name="End">The time of its last row (UTC).</param>
    /// <param name="Complete">
    /// False when it may have begun before <see cref="Start"/>: the request's reading budget ran out in it, or it begins
    /// less than a gap after <c>since</c>.
    /// </param>
    /// <param name="Requests">Its journaled requests: changes and failures.</param>
    /// <param name="Creates">Users and groups created.</param>
    /// <param name="Updates">Replaced or patched, members added or removed.</param>
    /// <param name="Deactivations">Users deactivated (<c>active</c> set to false).</param>
    /// <param name="Deletes">Users and groups deleted.</param>
    /// <param name="Failures">Requests that failed with a SCIM error.</param>
    /// <param name="FailuresByType">The failures by <c>scimType</c> and status, the most frequent first.</param>
    /// <param name="FirstFailures">The first <see cref="FailureDetails"/> failures, oldest first.</param>
    public sealed record ProvisioningRun(
        Guid? KeyId, string? KeyPrefix, string? KeyLabel, RequestDialect Dialect, DateTime Start, DateTime End, bool Complete,
        int Requests, int Creates, int Updates, int Deactivations, int Deletes, int Failures,
        IReadOnlyList<FailureCount> FailuresByType, IReadOnlyList<RunFailure> FirstFailures);

    /// <summary>How many of a run's failures had one <c>scimType</c> (RFC 7644 §3.12) and status.</summary>
    /// <param name="ScimType">The <c>scimType</c>; null for errors without one (e.g. 404).</param>
    /// <param name="Status">The HTTP status.</param>
    /// <param name="Count">How many.</param>
    public sealed record FailureCount(string? ScimType, int Status, int Count);

    /// <summary>One failed request of a run.</summary>
    /// <param name="Time">When (UTC).</param>
    /// <param name="Slice">The operation, e.g. <c>CreateUser</c>.</param>
    /// <param name="ResourceId">The user or group aimed at, when known.</param>
    /// <param name="Status">The HTTP status.</param>
    /// <param name="ScimType">The <c>scimType</c>, when the error has one.</param>
    /// <param name="Detail">The error's <c>detail</c>, at most 256 characters.</param>
    /// <param name="RequestId">The request's id, to find it in the server's logs.</param>
    public sealed record RunFailure(DateTime Time, string? Slice, Guid? ResourceId, int Status, string? ScimType, string? Detail, string? RequestId);

    internal sealed class Handler(IScimDbContext db, ListCursors cursors) : IQueryHandler<Query, Result<Page>>
    {
        public async ValueTask<Result<Page>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.Count is < 1 or > MaxCount)
            {
                return ScimError.InvalidValue($"count must be between 1 and {MaxCount}; it was {query.Count}.");
            }

            if (query.Gap <= TimeSpan.Zero || query.Gap > MaxGap)
            {
                return ScimError.InvalidValue($"gap must be above zero and at most {MaxGap.TotalHours:0} hours; it was {query.Gap}.");
            }

            var scan = new Scan(query.Count, query.Gap, query.Since);
            Position? position = null;
            if (!string.IsNullOrEmpty(query.Cursor))
            {
                var read = cursors.Read(query.Cursor, query.OrganizationId, query.Binding, n => n >= 2 && (n - 2) % 4 == 0 && (n - 2) / 4 <= MaxCursorKeys);
                if (!read.IsSuccess)
                {
                    return read.Error;
                }

                position = scan.Resume(read.Value!);
            }

            if (!await db.Organizations.IsInUseAsync(query.OrganizationId, cancellationToken))
            {
                return OrganizationQueries.NotFound(query.OrganizationId.ToString());
            }

            var journal = db.Journal.AsNoTracking().Where(j => j.OrganizationId == query.OrganizationId).OfDirectory();
            journal = query.Since is { } since ? journal.Where(j => j.TimeUtc >= since) : journal;
            journal = query.Until is { } until ? journal.Where(j => j.TimeUtc < until) : journal;
            var (rowsRead, batch, exhausted) = (0, FirstBatch, false);
            while (!scan.Done && rowsRead < MaxRowsRead)
            {
                var rows = journal;
                if (position is { } after)
                {
                    rows = rows.Where(j => j.TimeUtc < after.Time || (j.TimeUtc == after.Time && j.Sequence < after.Sequence));
                }

                var take = Math.Min(batch, MaxRowsRead - rowsRead);
                var entries = await rows.OrderByDescending(j => j.TimeUtc).ThenByDescending(j => j.Sequence).Take(take)
                    .Select(j => new Row(j.Sequence, j.TimeUtc, j.Operation, j.Slice, j.ResourceId, j.Dialect, j.KeyId, j.KeyPrefix, j.KeyLabel,
                        j.RequestId, j.Status, j.ScimType, j.Detail))
                    .ToListAsync(cancellationToken);
                foreach (var entry in entries.TakeWhile(_ => !scan.Done))
                {
                    scan.Add(entry);
                    rowsRead++;
                    position = new(entry.TimeUtc, entry.Sequence);
                }

                if (entries.Count < take)
                {
                    exhausted = true;
                    scan.End();
                    break;
                }

                batch = Math.Min(batch * 2, LargestBatch);
            }

            var truncated = !scan.Done && !exhausted;
            // Rows of further runs read before the journal ended still make a next page.
            var next = exhausted && !scan.More ? null : scan.Next(position!.Value);
            return new Page(scan.Runs(), rowsRead, truncated,
                next is null ? null : cursors.Issue(query.OrganizationId, query.Binding, next));
        }
    }

    private readonly record struct Position(DateTime Time, long Sequence)
    {
        public static bool operator <(Position a, Position b) => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

        public static bool operator >(Position a, Position b) => b < a;
    }

    private sealed record Row(
        long Sequence, DateTime TimeUtc, JournalOperation? Operation, string? Slice, Guid? ResourceId, RequestDialect Dialect, Guid? KeyId,
        string? KeyPrefix, string? KeyLabel, string? RequestId, int? Status, string? ScimType, string? Detail)
    {
        public Position Position => new(TimeUtc, Sequence);
    }

    /// <summary>
    /// The grouping, fed rows newest first. The page's runs are the first <c>count</c> opened (so ordered by their last
    /// row); the page is done once each is whole and a row of a further run shows there is more. A key's rows that a
    /// previous page's run holds (at or after its first row, which the cursor remembers) are passed over.
    /// </summary>
    private sealed class Scan(int count, TimeSpan gap, DateTime? since)
    {
        private readonly List<RunBuilder> opened = [];
        private readonly List<RunBuilder> open = [];
        private readonly Dictionary<Guid, RunBuilder> latest = [];
        private readonly Dictionary<Guid, Position> passedOver = [];

        // The row read before the first row of a run beyond this page, and the row read last.
        private Position? beforeMore, lastAdded;

        public bool Done => opened.Count == count && open.Count == 0 && More;

        /// <summary>True once a row of a run beyond this page was read.</summary>
        public bool More => beforeMore is not null;

        /// <summary>Reads a cursor's numbers: the position to read below, then (key, first row) of each run to pass over.</summary>
        public Position Resume(long[] numbers)
        {
            for (var i = 2; i < numbers.Length; i += 4)
            {
                passedOver[Key(numbers[i], numbers[i + 1])] = new(new DateTime(numbers[i + 2], DateTimeKind.Utc), numbers[i + 3]);
            }

            return new(new DateTime(numbers[0], DateTimeKind.Utc), numbers[1]);
        }

        public void Add(Row row)
        {
            var previous = lastAdded;
            lastAdded = row.Position;

            // Reading has passed a gap before these runs' first rows: no older row can join them.
            foreach (var whole in open.Where(run => run.Start - row.TimeUtc >= gap))
            {
                whole.Whole = true;
            }

            open.RemoveAll(run => run.Whole);
            var key = row.KeyId ?? Guid.Empty;
            if (passedOver.TryGetValue(key, out var first) && !(row.Position < first))
            {
                return;
            }

            if (latest.TryGetValue(key, out var run) && !run.Whole)
            {
                run.Add(row);
            }
            else if (opened.Count < count)
            {
                run = new RunBuilder(row);
                run.Add(row);
                latest[key] = run;
                opened.Add(run);
                open.Add(run);
            }
            else
            {
                // The first row of a page is never beyond it: a page opens at least one run.
                beforeMore ??= previous;
            }
        }

        /// <summary>No row is left to read: every run is whole (but for what lies before <c>since</c>).</summary>
        public void End()
        {
            foreach (var run in open)
            {
                run.Whole = true;
                run.MayBeginEarlier = since is { } s && run.Start - s < gap;
            }

            open.Clear();
        }

        public IReadOnlyList<ProvisioningRun> Runs() => [.. opened.Select(run => run.Build(complete: run.Whole && !run.MayBeginEarlier))];

        /// <summary>
        /// The next page's cursor numbers: it reads from the first row of a run beyond this page (every newer row is of
        /// this page's runs), or without one below the last row read, and passes over the rows of this and earlier pages'
        /// runs that lie below that. A run the reading budget cut short is passed over as far as it was read: its older
        /// rows make a run of the next page. Every page thus starts below the previous one.
        /// </summary>
        public long[] Next(Position lastRead)
        {
            var below = beforeMore ?? lastRead;
            var pass = new Dictionary<Guid, Position>(passedOver.Where(p => p.Value < below));
            foreach (var run in opened.Where(run => run.StartPosition < below))
            {
                pass[run.Key] = run.StartPosition;
            }

            List<long> numbers = [below.Time.Ticks, below.Sequence];
            foreach (var (key, start) in pass.Take(MaxCursorKeys))
            {
                var bytes = key.ToByteArray();
                numbers.AddRange([BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), start.Time.Ticks, start.Sequence]);
            }

            return [.. numbers];
        }

        private static Guid Key(long low, long high)
        {
            var bytes = new byte[16];
            BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), low);
            BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), high);
            return new Guid(bytes);
        }
    }

    /// <summary>One run's totals, fed its rows newest first.</summary>
    private sealed class RunBuilder(Row last)
    {
        private readonly Dictionary<(string? ScimType, int Status), int> failuresByType = [];

        // Newest first as read; the last ones read are the run's first failures.
        private readonly Queue<RunFailure> failures = new();
        private int requests, creates, updates, deactivations, deletes, failed;

        public Guid Key { get; } = last.KeyId ?? Guid.Empty;

        public Position EndPosition { get; } = last.Position;

        public Position StartPosition { get; private set; } = last.Position;

        public DateTime Start => StartPosition.Time;

        /// <summary>True once no older row can belong to the run.</summary>
        public bool Whole { get; set; }

        /// <summary>True when the run is whole only because the rows end at <c>since</c>.</summary>
        public bool MayBeginEarlier { get; set; }

        public void Add(Row row)
        {
            StartPosition = row.Position;
            requests++;
            if (row.Status is { } status)
            {
                failed++;
                failuresByType[(row.ScimType, status)] = failuresByType.GetValueOrDefault((row.ScimType, status)) + 1;
                failures.Enqueue(new RunFailure(row.TimeUtc, row.Slice, row.ResourceId, status, row.ScimType, row.Detail, row.RequestId));
                if (failures.Count > FailureDetails)
                {
                    failures.Dequeue();
                }

                return;
            }

            switch (row.Operation)
            {
                case JournalOperation.Create: creates++; break;
                case JournalOperation.Delete: deletes++; break;
                case JournalOperation.Deactivate: deactivations++; break;
                case JournalOperation.Replace or JournalOperation.Patch or JournalOperation.AddMembers or JournalOperation.RemoveMembers: updates++; break;
            }
        }

        public ProvisioningRun Build(bool complete) => new(
            last.KeyId, last.KeyPrefix, last.KeyLabel, last.Dialect, Start, last.TimeUtc, complete,
            requests, creates, updates, deactivations, deletes, failed,
            [.. failuresByType.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Status).Select(f => new FailureCount(f.Key.ScimType, f.Key.Status, f.Value))],
            [.. failures.Reverse()]);
    }
}
