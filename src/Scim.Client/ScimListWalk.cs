using System.Runtime.CompilerServices;

namespace Scim.Client;

/// <summary>
/// Walks a whole result set page by page. The first request carries <c>cursor=</c> (empty, RFC 9865 §2) when the server
/// advertises cursors in <c>/ServiceProviderConfig</c> (<c>pagination.cursor</c>, RFC 9865 §4), and otherwise neither
/// <c>cursor</c> nor <c>startIndex</c>, so that the server pages by its default method. Then:
/// <list type="bullet">
/// <item>an answer with <c>nextCursor</c> is followed by the same request with <c>cursor=&lt;nextCursor&gt;</c> (and no
/// <c>startIndex</c>); once a cursor has been sent, an answer without one is the last page (RFC 9865 §2);</item>
/// <item>any other answer is an index page (RFC 7644 §3.4.2.4), also from a server that ignored <c>cursor</c>: the walk
/// ends at an empty page or when <c>startIndex + itemsPerPage - 1 &gt;= totalResults</c>, and otherwise asks for
/// <c>startIndex</c> just past the resources received so far.</item>
/// </list>
/// </summary>
internal static class ScimListWalk
{
    /// <summary>
    /// Yields the items of a list paged by cursor alone (the administration API's): the first page without a cursor, then
    /// the same request with each page's <c>nextCursor</c>, until a page has none.
    /// </summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="page">Requests one page with the given <c>cursor</c> (null: not sent).</param>
    /// <param name="cancellationToken">Cancels the walk, also between the items of one page.</param>
    public static IAsyncEnumerable<TItem> CursorPagesAsync<TItem>(
        Func<string?, CancellationToken, Task<IListResponse<TItem>>> page, CancellationToken cancellationToken) =>
        // A server that does not advertise cursors gets neither cursor nor startIndex first, then follows nextCursor; a page
        // without one and without totalResults ends the walk.
        ResourcesAsync(_ => Task.FromResult(false), (_, cursor, ct) => page(cursor, ct), cancellationToken);

    /// <summary>Refuses a page size that would never move a walk: 0 asks for <c>totalResults</c> alone (RFC 7644 §3.4.2.4).</summary>
    /// <param name="count">The page size; null leaves it to the server.</param>
    public static void CheckPageSize(int? count) =>
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count ?? 1, nameof(count));

    /// <summary>Yields the resources of every page, each page as it arrives.</summary>
    /// <typeparam name="TResource">The resource type.</typeparam>
    /// <param name="advertisesCursors">Reads whether the server advertises cursor pagination.</param>
    /// <param name="page">Requests one page with the given <c>startIndex</c> and <c>cursor</c> (null: not sent).</param>
    /// <param name="cancellationToken">Cancels the walk, also between the resources of one page.</param>
    public static async IAsyncEnumerable<TResource> ResourcesAsync<TResource>(
        Func<CancellationToken, Task<bool>> advertisesCursors,
        Func<int?, string?, CancellationToken, Task<IListResponse<TResource>>> page,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Checked before every request as well: HttpClient handlers do not all report a cancelled request as cancelled.
        cancellationToken.ThrowIfCancellationRequested();
        var cursor = await advertisesCursors(cancellationToken).ConfigureAwait(false) ? "" : null;
        int? startIndex = null;
        var received = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await page(startIndex, cursor, cancellationToken).ConfigureAwait(false);
            var resources = response.Resources ?? [];
            foreach (var resource in resources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return resource;
            }

            received += resources.Count;
            if (!string.IsNullOrEmpty(response.NextCursor))
            {
                (cursor, startIndex) = (response.NextCursor, null);
            }
            else if (string.IsNullOrEmpty(cursor) && resources.Count > 0 && received < response.TotalResults)
            {
                (cursor, startIndex) = (null, received + 1);
            }
            else
            {
                yield break;
            }
        }
    }
}
