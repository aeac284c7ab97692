using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Storage;
using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Data;

/// <summary>An EF Core transaction that also holds its database's in-process writer gate until committed or disposed.</summary>
internal sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate) : IWriteTransaction
{
    // One gate per database (connection string): tests run many databases in one process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private SemaphoreSlim? heldGate = gate;

    /// <summary>The gate of the database behind <paramref name="connectionString"/>.</summary>
    public static SemaphoreSlim GateFor(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        ReleaseGate();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            ReleaseGate();
        }
    }

    // Once: after a commit the gate is already released when the transaction is disposed.
    private void ReleaseGate() => Interlocked.Exchange(ref heldGate, null)?.Release();
}
