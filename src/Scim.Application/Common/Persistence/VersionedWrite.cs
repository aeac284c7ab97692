using Scim.Protocol;

namespace Scim.Application.Common.Persistence;

/// <summary>
/// Read, change, write conditionally, and start again when another write came in between: how every update of an
/// existing resource runs. The read and the preparation happen outside the writer; only the conditional statements
/// run on it (<see cref="IResourceWriter"/>).
/// </summary>
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
    /// this process, so each of them reads what the previous one wrote.
    /// </summary>
    public static async Task<Result<T>> RunAsync<T>(Guid resourceId, Func<Task<Result<T>>> attempt, CancellationToken cancellationToken)
    {
        var result = await attempt();
        if (!ReferenceEquals(result.Error, Stale))
        {
            return result;
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
