namespace Scim.Client;

// Walking whole result sets (RFC 7644 §3.4.2.4, RFC 9865); how pages are requested is described on ScimListWalk.
public partial class ScimClient
{
    /// <inheritdoc />
    public virtual IAsyncEnumerable<User> ListAllUsersAsync(
        string? filter = null, string? sortBy = null, string? sortOrder = null, int? count = null,
        string? attributes = null, string? excludedAttributes = null, CancellationToken cancellationToken = default)
    {
        ScimListWalk.CheckPageSize(count);
        return ScimListWalk.ResourcesAsync<User>(
            AdvertisesCursorsAsync,
            async (startIndex, cursor, ct) => await ListUsersAsync(filter, sortBy, sortOrder, startIndex, count, cursor, attributes, excludedAttributes, ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Group> ListAllGroupsAsync(
        string? filter = null, string? sortBy = null, string? sortOrder = null, int? count = null,
        string? attributes = null, string? excludedAttributes = null, CancellationToken cancellationToken = default)
    {
        ScimListWalk.CheckPageSize(count);
        return ScimListWalk.ResourcesAsync<Group>(
            AdvertisesCursorsAsync,
            async (startIndex, cursor, ct) => await ListGroupsAsync(filter, sortBy, sortOrder, startIndex, count, cursor, attributes, excludedAttributes, ct).ConfigureAwait(false),
            cancellationToken);
    }

    private async Task<bool> AdvertisesCursorsAsync(CancellationToken cancellationToken) =>
        (await GetServiceProviderConfigAsync(cancellationToken).ConfigureAwait(false)).Pagination?.Cursor == true;
}

public partial interface IScimClient
{
    /// <summary>
    /// Every user that <paramref name="filter"/> matches, read page by page with <c>GET /Users</c> (RFC 7644 §3.4.2)
    /// and yielded as each page arrives; nothing is requested until the enumeration starts. Before the first page it
    /// reads <c>/ServiceProviderConfig</c>: when the server advertises <c>pagination.cursor</c> (RFC 9865 §4) the walk
    /// sends <c>cursor=</c> and then each <c>nextCursor</c>; otherwise it sends neither and pages by <c>startIndex</c>
    /// (RFC 7644 §3.4.2.4) until <c>startIndex + itemsPerPage - 1 &gt;= totalResults</c> or a page is empty. A page that
    /// carries <c>nextCursor</c> is followed by cursor either way, and a server that ignores <c>cursor</c> is paged by
    /// <c>startIndex</c>. Every request repeats the other arguments unchanged.
    /// </summary>
    /// <remarks>
    /// Pages are separate reads: users created or deleted during a <c>startIndex</c> walk shift the later pages, so that
    /// a user can be skipped or returned twice. For one page, use <see cref="ListUsersAsync"/>.
    /// </remarks>
    /// <param name="filter">A filter (RFC 7644 §3.4.2.2), e.g. from <see cref="ScimFilter"/>; null for every user.</param>
    /// <param name="sortBy">The attribute to sort by (RFC 7644 §3.4.2.3), e.g. <c>userName</c>.</param>
    /// <param name="sortOrder"><c>ascending</c> (the default) or <c>descending</c>.</param>
    /// <param name="count">The page size: at most this many users per request, at least 1; null leaves it to the server (200 here).</param>
    /// <param name="attributes">Comma-separated attributes to return (RFC 7644 §3.9), e.g. <c>userName,emails</c>.</param>
    /// <param name="excludedAttributes">Comma-separated attributes to leave out, e.g. <c>groups</c>.</param>
    /// <param name="cancellationToken">Stops the walk: the enumeration throws <see cref="OperationCanceledException"/>, also between the users of a page. <c>WithCancellation</c> works too.</param>
    /// <returns>The users, in the order the server returns them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or negative (thrown by this call, not during the enumeration).</exception>
    /// <exception cref="ScimException">During the enumeration: a request failed, e.g. 400 <c>invalidFilter</c> or, with cursors, <c>invalidCursor</c> or <c>expiredCursor</c> (RFC 9865 §2.2).</exception>
    IAsyncEnumerable<User> ListAllUsersAsync(
        string? filter = null, string? sortBy = null, string? sortOrder = null, int? count = null,
        string? attributes = null, string? excludedAttributes = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every group that <paramref name="filter"/> matches, read page by page with <c>GET /Groups</c> (RFC 7644 §3.4.2)
    /// and yielded as each page arrives, the way <see cref="ListAllUsersAsync"/> walks users: by cursor (RFC 9865) when
    /// the server advertises or sends one, by <c>startIndex</c> otherwise.
    /// </summary>
    /// <remarks>
    /// Groups with many members make large pages: pass <c>excludedAttributes: "members"</c> unless the members are
    /// needed. For one page, use <see cref="ListGroupsAsync"/>.
    /// </remarks>
    /// <param name="filter">A filter (RFC 7644 §3.4.2.2), e.g. from <see cref="ScimFilter"/>; null for every group.</param>
    /// <param name="sortBy">The attribute to sort by (RFC 7644 §3.4.2.3), e.g. <c>userName</c>.</param>
    /// <param name="sortOrder"><c>ascending</c> (the default) or <c>descending</c>.</param>
    /// <param name="count">The page size: at most this many groups per request, at least 1; null leaves it to the server (200 here).</param>
    /// <param name="attributes">Comma-separated attributes to return (RFC 7644 §3.9), e.g. <c>displayName</c>.</param>
    /// <param name="excludedAttributes">Comma-separated attributes to leave out, e.g. <c>members</c>.</param>
    /// <param name="cancellationToken">Stops the walk, as for <see cref="ListAllUsersAsync"/>.</param>
    /// <returns>The groups, in the order the server returns them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or negative (thrown by this call, not during the enumeration).</exception>
    /// <exception cref="ScimException">During the enumeration: a request failed, e.g. 400 <c>invalidFilter</c>.</exception>
    IAsyncEnumerable<Group> ListAllGroupsAsync(
        string? filter = null, string? sortBy = null, string? sortOrder = null, int? count = null,
        string? attributes = null, string? excludedAttributes = null, CancellationToken cancellationToken = default);
}
