using Scim.Application.Common.Resources;
using Scim.Protocol;

namespace Scim.Application.Common.Persistence;

/// <summary>
/// Read, change, write conditionally, and start again when another write came in between: how every update of an
/// existing resource runs. The read and the preparation happen outside the writer; only the conditional statements
/// run on it (<see cref="IResourceWriter"/>).
/// </summary>
/// <remarks>
/// A request with <c>If-Match</c> (RFC 7644 §3.14) names the versions it may be applied to: an attempt that reads
/// another version fails with 412 before it writes (<see cref="Check"/>), and since the write is conditional on the
/// version read, one that loses the race to another write fails with 412 too, instead of reading again. So of two
/// requests sent with the same If-Match, one is applied and the other is 412.
/// </remarks>
internal static class VersionedWrite
{
    /// <summary>How many times one request reads and writes again before it gives up.</summary>
    public const int MaxAttempts = 16;

    /// <summary>
    /// The outcome of an attempt that lost the race (<see cref="WriteStatus.Stale"/>), and the answer when every attempt
    /// lost: 409 (RFC 7644 §3.12 leaves the scimType of this case open).
    /// </summary>
    public static readonly ScimError Stale = new(409, null,
        $"The resource was changed by other requests {MaxAttempts} times while this request was being applied; send it again.");

    // Retries of writes to the same resource (by id hash) take turns: without them, many requests changing one
    // resource at once would each lose to another again and again (one wins per commit), and some would give up.
    private static readonly SemaphoreSlim[] RetryTurns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// Runs <paramref name="attempt"/> until it does not end in <see cref="Stale"/>, at most <see cref="MaxAttempts"/>
    /// times. The first attempt runs at once; retries of writes to <paramref name="resourceId"/> run one at a time in
    /// this process, so each of them reads what the previous one wrote. With <paramref name="ifMatch"/> naming versions,
    /// a stale attempt is not retried: the answer is 412.
    /// </summary>
    /// <param name="resourceType"><c>User</c> or <c>Group</c>, for the 412's detail.</param>
    /// <param name="resourceId">The resource written.</param>
    /// <param name="ifMatch">The request's If-Match, or null; each attempt checks it against what it read (<see cref="Check"/>).</param>
    /// <param name="attempt">Reads, checks, prepares and writes once.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<Result<T>> RunAsync<T>(
        string resourceType, Guid resourceId, ETagCondition? ifMatch, Func<Task<Result<T>>> attempt, CancellationToken cancellationToken)
    {
        var result = await attempt();
        if (!ReferenceEquals(result.Error, Stale))
        {
            return result;
        }

        if (ifMatch is { IsAny: false })
        {
            return Changed(resourceType, resourceId, current: null);
        }

        var turn = RetryTurns[(int)((uint)resourceId.GetHashCode() % (uint)RetryTurns.Length)];
        await turn.WaitAsync(cancellationToken);
        try
        {
            for (var i = 2; ; i++)
            {
                result = await attempt();
                if (!ReferenceEquals(result.Error, Stale) || i == MaxAttempts)
                {
                    return result;
                }
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Null when <paramref name="ifMatch"/> is absent or met by the <paramref name="version"/> an attempt read; otherwise
    /// the 412 to answer, before anything is written.
    /// </summary>
    public static ScimError? Check(ETagCondition? ifMatch, string resourceType, Guid id, long version) =>
        ifMatch is null || ifMatch.Matches(version) ? null : Changed(resourceType, id, version);

    /// <summary>
    /// 412 (RFC 7644 §3.12 "Failed to update. Resource has changed on the server."): the resource no longer has a version
    /// that If-Match names.
    /// </summary>
    /// <param name="resourceType"><c>User</c> or <c>Group</c>.</param>
    /// <param name="id">The resource.</param>
    /// <param name="current">Its version now, when known (null when the conditional statement found another one).</param>
    public static ScimError Changed(string resourceType, Guid id, long? current) => ScimError.PreconditionFailed(
        $"{resourceType} {id} has changed on the server: its current version "
        + (current is { } version ? $"{ETag.Of(version)} differs from If-Match" : "differs from If-Match (another request changed it first)")
        + "; nothing was changed. GET it again, reapply the change to what it returns, and send its meta.version (the ETag header) in If-Match.");

    /// <summary>The versions a delete may remove: those <paramref name="ifMatch"/> names; null (any) without it, or for <c>*</c>.</summary>
    public static IReadOnlyCollection<long>? DeletableVersions(ETagCondition? ifMatch) => ifMatch is { IsAny: false } ? ifMatch.Versions : null;

    /// <summary>
    /// A conditional delete's status as its result: success for <see cref="WriteStatus.Written"/>, 412 for
    /// <see cref="WriteStatus.Stale"/> (another version), 404 for <see cref="WriteStatus.NotFound"/>.
    /// </summary>
    public static Result<bool> Deleted(WriteStatus status, string resourceType, Guid id) => status switch
    {
        WriteStatus.Written => true,
        WriteStatus.Stale => Changed(resourceType, id, current: null),
        _ => ScimError.NotFound($"{resourceType} {id} not found."),
    };

    /// <summary>
    /// A write's status as its result: success for <see cref="WriteStatus.Written"/>, <see cref="Stale"/>, 409
    /// uniqueness with <paramref name="conflictDetail"/>, or 400 invalidValue with <paramref name="missingReferenceDetail"/>.
    /// </summary>
    public static Result<bool> Outcome(WriteStatus status, string conflictDetail, string missingReferenceDetail = "a referenced resource no longer exists.") => status switch
    {
        WriteStatus.Written => true,
        WriteStatus.Stale => Stale,
        WriteStatus.Conflict => ScimError.Uniqueness(conflictDetail),
        WriteStatus.MissingReference => ScimError.InvalidValue(missingReferenceDetail),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
