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

    /// <summary>Runs <paramref name="attempt"/> until it does not end in <see cref="Stale"/>, at most <see cref="MaxAttempts"/> times.</summary>
    public static async Task<Result<T>> RunAsync<T>(Func<Task<Result<T>>> attempt)
    {
        for (var i = 1; ; i++)
        {
            var result = await attempt();
            if (!ReferenceEquals(result.Error, Stale) || i == MaxAttempts)
            {
                return result;
            }
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
