using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace Scim.Client;

/// <summary>How <see cref="IScimAdminClient.WatchChangesAsync"/> reads the change feed.</summary>
public sealed class ChangeWatchOptions
{
    /// <summary>How long to wait after a page with no change before asking again (default 5 seconds).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most changes one request asks for, 1 to 1,000; null leaves it to the server (100).</summary>
    public int? PageSize { get; init; }

    /// <summary>The clock the waits are measured on (poll interval, <c>Retry-After</c>); the system's by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>
/// A watch of an organization's change feed (<see cref="IScimAdminClient.WatchChangesAsync"/>): every committed change
/// in commit order, then the ones committed later as they come, until cancelled; <see cref="Cursor"/> is where a new watch
/// resumes. Enumerate it once.
/// </summary>
/// <remarks>
/// The feed's own cursors stand between pages. To resume right after a change in the middle of a page, <see cref="Cursor"/>
/// is then that page's cursor with how many of its changes were yielded and which one was last: a new watch reads the
/// changes after the page's cursor again and passes over those, up to and including that change (which the journal's
/// order makes the same ones, unless the retention dropped some, in which case it passes over no change it had not
/// yielded). It is opaque text, for this client only.
/// </remarks>
public sealed class ChangeWatch : IAsyncEnumerable<Change>
{
    /// <summary>The start of a watch that yields only the changes committed from now on.</summary>
    public const string Now = "now";

    // Splits the parts of a position inside a page; the server's cursors are base64url, which has no '~'.
    private const char Separator = '~';

    private readonly IScimAdminClient client;
    private readonly Guid organizationId;
    private readonly ChangeWatchOptions options;
    private readonly CancellationToken cancellationToken;
    private readonly Position start;

    internal ChangeWatch(IScimAdminClient client, Guid organizationId, string? cursor, ChangeWatchOptions options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollInterval, TimeSpan.Zero, nameof(options));
        ScimListWalk.CheckPageSize(options.PageSize);
        (this.client, this.organizationId, this.options, this.cancellationToken) = (client, organizationId, options, cancellationToken);
        start = Position.Parse(cursor);
        Cursor = cursor;
    }

    /// <summary>
    /// Where a watch started from it goes on: after the last change yielded (and any failed requests the feed passed over
    /// since). Before the first answer, the cursor the watch was started with. Save it after handling each change.
    /// </summary>
    public string? Cursor { get; private set; }

    /// <inheritdoc />
    public IAsyncEnumerator<Change> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<Change> WatchAsync([EnumeratorCancellation] CancellationToken enumerationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumerationToken);
        var token = linked.Token;
        var (pageCursor, fromNow) = (start.PageCursor, start.FromNow);

        // Resuming inside a page: the changes up to the last one yielded are read again and passed over. Those read before
        // finding it are held, as they are new should the retention have dropped it.
        var (toPass, last) = (start.Yielded, start.LastYielded);
        var held = new List<(Change Change, string After)>();
        while (true)
        {
            var page = await ReadAsync(pageCursor, fromNow, token).ConfigureAwait(false);
            if (page is null)
            {
                yield break;
            }

            fromNow = false;
            var ready = new List<(Change Change, string After)>(page.Changes.Count);
            for (var i = 0; i < page.Changes.Count; i++)
            {
                var change = page.Changes[i];
                var after = i == page.Changes.Count - 1 ? page.NextCursor : new Position(pageCursor, false, i + 1, Mark(change)).ToString();
                if (toPass == 0)
                {
                    ready.Add((change, after));
                }
                else if (Mark(change) == last)
                {
                    // Everything up to here was yielded before.
                    (toPass, Cursor) = (0, after);
                    held.Clear();
                }
                else
                {
                    held.Add((change, after));
                    toPass--;
                }

                // As many passed over as were yielded, without the last one: the retention dropped it, and what is held is new.
                if (toPass == 0 && held.Count > 0)
                {
                    ready.AddRange(held);
                    held.Clear();
                }
            }

            // Caught up before as many were passed over: fewer changes follow the cursor than were yielded from it, so the
            // retention dropped some, the last one yielded among them, and what is held is new.
            if (page.Changes.Count == 0 && held.Count > 0)
            {
                (toPass, ready) = (0, [.. held]);
                held.Clear();
            }

            foreach (var (change, after) in ready)
            {
                Cursor = after;
                yield return change;
            }

            pageCursor = page.NextCursor;
            if (page.Changes.Count > 0)
            {
                continue;
            }

            Cursor = pageCursor;
            if (!await DelayAsync(options.PollInterval, token).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    // One page, asked again after the Retry-After of a 429 or 503; null once the watch is cancelled.
    private async Task<ChangesPage?> ReadAsync(string? pageCursor, bool fromNow, CancellationToken token)
    {
        while (true)
        {
            try
            {
                return await client.ListChangesAsync(
                    organizationId, string.IsNullOrEmpty(pageCursor) ? null : pageCursor, fromNow ? Now : null, options.PageSize, token).ConfigureAwait(false);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // Not every HttpClient handler reports a request it stopped as cancelled (some as a failed read).
                return null;
            }
            catch (ScimException e) when (e.Status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable)
            {
                if (!await DelayAsync(RetryAfter(e) ?? options.PollInterval, token).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }
    }

    // False once the watch is cancelled.
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, options.TimeProvider, token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return false;
        }
    }

    // Retry-After (RFC 9110 §10.2.3): seconds, or an HTTP date.
    private TimeSpan? RetryAfter(ScimException e)
    {
        var value = e.Headers.TryGetValue("Retry-After", out var values) ? values.FirstOrDefault() : null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? TimeSpan.FromTicks(Math.Max(0, (date - options.TimeProvider.GetUtcNow()).Ticks))
            : null;
    }

    // What tells a change apart from every other of the feed: a resource's version changes with each change, and a deletion
    // (without a version) is its last.
    private static string Mark(Change change) =>
        string.Create(CultureInfo.InvariantCulture, $"{change.Id:N}.{(int)change.Operation}.{new string([.. (change.Version ?? "").Where(char.IsAsciiDigit)])}");

    /// <summary>
    /// A position in the feed: the cursor of a page (null for the oldest change, or <see cref="FromNow"/>), and how many
    /// changes of that page were yielded, the last one's mark.
    /// </summary>
    private readonly record struct Position(string? PageCursor, bool FromNow, int Yielded, string? LastYielded)
    {
        public static Position Parse(string? cursor)
        {
            if (cursor is null || cursor.Length == 0)
            {
                return default;
            }

            if (cursor == Now)
            {
                return new(null, true, 0, null);
            }

            var parts = cursor.Split(Separator);
            if (parts.Length == 1)
            {
                return new(cursor, false, 0, null);
            }

            return parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var yielded) && yielded > 0 && parts[2].Length > 0
                ? new(parts[0], false, yielded, parts[2])
                : throw new ArgumentException(
                    $"'{cursor}' is not a cursor of the change feed: pass null, ChangeWatch.Now, or a ChangeWatch.Cursor saved before.", nameof(cursor));
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{PageCursor}{Separator}{Yielded}{Separator}{LastYielded}");
    }
}
