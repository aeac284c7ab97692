namespace Scim.Application.Common.Persistence;

/// <summary>
/// A write transaction: everything read and written through the context until <see cref="CommitAsync"/> is atomic.
/// Disposing without committing rolls back.
/// </summary>
public interface IWriteTransaction : IAsyncDisposable
{
    /// <summary>Makes the transaction's writes durable.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
