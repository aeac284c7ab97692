using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scim.Client;

/// <summary>
/// The generated client of the administration API (<c>/admin</c>, outside the SCIM path base): one method per operation,
/// named after the server's operation ids (<c>CreateOrganizationAsync</c>, <c>CreateApiKeyAsync</c>, <c>ListApiKeysAsync</c>,
/// <c>RevokeApiKeyAsync</c>, <c>DeleteOrganizationAsync</c>, <c>ListChangesAsync</c>, <c>ListActivityAsync</c>, ...), plus
/// <see cref="WatchChangesAsync"/> and the <c>ListAll…Async</c> walks. Give it an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is the server's root (<c>https://scim.example.com/</c>) and that sends the operator
/// secret (<c>scimop_…</c>) or an API key with the <c>admin</c> scope (see <see cref="ScimBearerTokenHandler"/> and
/// <see cref="ScimClientServiceCollectionExtensions.AddScimAdminClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Uri, string)"/>).
/// A failed request throws <see cref="ScimException"/> with the server's SCIM error (<see cref="ScimException.Status"/>,
/// <see cref="ScimException.ScimType"/>, <see cref="ScimException.Detail"/>).
/// </summary>
public partial class ScimAdminClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        // Unset members are left out rather than sent as null, as the server leaves them out of its answers.
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    /// <inheritdoc />
    public virtual ChangeWatch WatchChangesAsync(Guid organizationId, string? cursor = null, ChangeWatchOptions? options = null, CancellationToken cancellationToken = default) =>
        new(this, organizationId, cursor, options ?? new ChangeWatchOptions(), cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Organization> ListAllOrganizationsAsync(int? count = null, CancellationToken cancellationToken = default)
    {
        ScimListWalk.CheckPageSize(count);
        return ScimListWalk.CursorPagesAsync<Organization>(
            async (cursor, ct) => await ListOrganizationsAsync(count, cursor, ct).ConfigureAwait(false), cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Activity> ListAllActivityAsync(
        Guid organizationId, DateTimeOffset? since = null, DateTimeOffset? until = null, Guid? resourceId = null, JournalOperation? operation = null,
        JournalOutcome? outcome = null, int? count = null, CancellationToken cancellationToken = default)
    {
        ScimListWalk.CheckPageSize(count);
        return ScimListWalk.CursorPagesAsync<Activity>(
            async (cursor, ct) => await ListActivityAsync(organizationId, since, until, resourceId, operation, outcome, cursor, count, ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ProvisioningRun> ListAllProvisioningRunsAsync(
        Guid organizationId, DateTimeOffset? since = null, DateTimeOffset? until = null, string? gap = null, int? count = null,
        CancellationToken cancellationToken = default)
    {
        ScimListWalk.CheckPageSize(count);
        return ScimListWalk.CursorPagesAsync<ProvisioningRun>(
            async (cursor, ct) => await ListProvisioningRunsAsync(organizationId, since, until, gap, cursor, count, ct).ConfigureAwait(false),
            cancellationToken);
    }
}

/// <summary>The generated operations of the administration API, plus the change feed's watcher and the walks over its lists.</summary>
public partial interface IScimAdminClient
{
    /// <summary>
    /// Follows the organization's change feed (<c>GET /admin/organizations/{organizationId}/changes</c>): yields every
    /// committed change of its users and groups in commit order, from <paramref name="cursor"/> on, and once it has caught
    /// up waits <see cref="ChangeWatchOptions.PollInterval"/> and asks again, until it is cancelled. Nothing is requested
    /// until the enumeration starts.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <see cref="ChangeWatch.Cursor"/> is the position after the last change yielded: save it with what the change did,
    /// and a watch started from it after a restart goes on with the next change, none repeated and none missed (changes
    /// older than the journal's retention are gone from the feed).
    /// </para>
    /// <para>
    /// An answer 429 or 503 is asked again after its <c>Retry-After</c> (or the poll interval when it has none); any other
    /// failure ends the enumeration with a <see cref="ScimException"/>, after which a new watch from
    /// <see cref="ChangeWatch.Cursor"/> resumes where it stopped. Cancelling <paramref name="cancellationToken"/> (or the
    /// token given to <c>WithCancellation</c>) ends the enumeration without an exception, while it waits or while a request
    /// is under way.
    /// </para>
    /// </remarks>
    /// <param name="organizationId">The organization whose changes to follow.</param>
    /// <param name="cursor">
    /// Where to start: null for the oldest change the journal keeps, <see cref="ChangeWatch.Now"/> for the changes committed
    /// from now on, or a <see cref="ChangeWatch.Cursor"/> saved before (a feed page's <c>nextCursor</c> works too).
    /// </param>
    /// <param name="options">The poll interval and page size; null for the defaults.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The watch: enumerate it once, and read its <see cref="ChangeWatch.Cursor"/> after each change.</returns>
    /// <exception cref="ArgumentException"><paramref name="cursor"/> is none of those (thrown by this call).</exception>
    /// <exception cref="ScimException">
    /// During the enumeration: a request failed, e.g. 400 <c>invalidCursor</c> for a cursor of another organization, 404 for
    /// an organization the credential may not see, 403 for a key without the <c>admin</c> scope.
    /// </exception>
    ChangeWatch WatchChangesAsync(Guid organizationId, string? cursor = null, ChangeWatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every organization, by lower-case name, read page by page with <c>GET /admin/organizations</c> (the operator only)
    /// and yielded as each page arrives: the first page without a cursor, then each <c>nextCursor</c>.
    /// </summary>
    /// <param name="count">The page size, 1 to 1,000; null leaves it to the server (100).</param>
    /// <param name="cancellationToken">Stops the walk: the enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The organizations.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or negative (thrown by this call).</exception>
    /// <exception cref="ScimException">During the enumeration: a request failed, e.g. 403 for a credential that is not the operator's.</exception>
    IAsyncEnumerable<Organization> ListAllOrganizationsAsync(int? count = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The organization's activity, newest first, read page by page with <c>GET …/activity</c> and yielded as each page
    /// arrives; every request repeats the filters. A view of what is committed while it runs: follow changes with
    /// <see cref="WatchChangesAsync"/>.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="since">Rows at or after this time.</param>
    /// <param name="until">Rows before this time.</param>
    /// <param name="resourceId">Only the rows of this user or group.</param>
    /// <param name="operation">Only the rows of this operation.</param>
    /// <param name="outcome">Only committed changes, or only failed requests.</param>
    /// <param name="count">The page size, 1 to 1,000; null leaves it to the server (100).</param>
    /// <param name="cancellationToken">Stops the walk: the enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The journal rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or negative (thrown by this call).</exception>
    /// <exception cref="ScimException">During the enumeration: a request failed, e.g. 404 for an organization the credential may not see.</exception>
    IAsyncEnumerable<Activity> ListAllActivityAsync(
        Guid organizationId, DateTimeOffset? since = null, DateTimeOffset? until = null, Guid? resourceId = null, JournalOperation? operation = null,
        JournalOutcome? outcome = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The organization's provisioning runs, newest first, read page by page with <c>GET …/activity/runs</c> and yielded
    /// as each page arrives; every request repeats the filters. A run the server's reading budget cut is not
    /// <see cref="ProvisioningRun.Complete"/>, and its older part comes as a run of its own.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="since">Rows at or after this time.</param>
    /// <param name="until">Rows before this time.</param>
    /// <param name="gap">The quiet time that ends a key's run, an ISO 8601 duration (<c>PT10M</c>, the default).</param>
    /// <param name="count">Runs per page, 1 to 100; null leaves it to the server (10).</param>
    /// <param name="cancellationToken">Stops the walk: the enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The runs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is 0 or negative (thrown by this call).</exception>
    /// <exception cref="ScimException">During the enumeration: a request failed, e.g. 400 <c>invalidValue</c> for a bad gap.</exception>
    IAsyncEnumerable<ProvisioningRun> ListAllProvisioningRunsAsync(
        Guid organizationId, DateTimeOffset? since = null, DateTimeOffset? until = null, string? gap = null, int? count = null,
        CancellationToken cancellationToken = default);
}
