namespace Scim.Application.Common.Persistence;

/// <summary>
/// What a database exception means, told by the provider that threw it: slices never read provider error codes or
/// message text, so the same slice answers the same way on SQLite and on PostgreSQL.
/// </summary>
public interface IDatabaseFailures
{
    /// <summary>The kind of <paramref name="exception"/> (or of the provider exception inside it, e.g. in a <c>DbUpdateException</c>).</summary>
    DatabaseFailure Classify(Exception exception);
}

/// <summary>The provider-neutral kinds of database failure a slice may answer differently.</summary>
public enum DatabaseFailure
{
    /// <summary>Anything else: a failure of the database or of the server, answered 500 and logged.</summary>
    Other,

    /// <summary>A unique index or key refused the row (a taken name): answered 409 <c>uniqueness</c>.</summary>
    UniqueViolation,

    /// <summary>A foreign key refused the row: what it refers to no longer exists.</summary>
    MissingReference,

    /// <summary>
    /// The transaction lost a race with a concurrent one (PostgreSQL's serialization failure or deadlock) and was
    /// rolled back: running it again from the start is safe and will usually succeed.
    /// </summary>
    Retryable,
}
