namespace Scim.Application.Common.Persistence;

/// <summary>
/// A write transaction: everything read and written through the context until <see cref="CommitAsync"/> is atomic.
/// Disposing without committing rolls back.
/// </summary>
public interface IWriteTransaction : IAsyncDisposable
{
    /// <summary>
    /// Makes the transaction's writes durable and lets the next writer in at once, so what the handler reads
    /// afterwards (the response) does not hold other writers up.
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
