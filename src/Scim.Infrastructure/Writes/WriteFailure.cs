using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Writes;

/// <summary>The write statuses that a refused statement stands for.</summary>
internal static class WriteFailure
{
    /// <summary>
    /// <see cref="WriteStatus.Conflict"/> for a unique violation, <see cref="WriteStatus.MissingReference"/> for a
    /// foreign key violation; null for any other failure, which is not the request's doing and propagates.
    /// </summary>
    public static WriteStatus? StatusOf(DatabaseFailure failure) => failure switch
    {
        DatabaseFailure.UniqueViolation => WriteStatus.Conflict,
        DatabaseFailure.MissingReference => WriteStatus.MissingReference,
        _ => null,
    };
}
