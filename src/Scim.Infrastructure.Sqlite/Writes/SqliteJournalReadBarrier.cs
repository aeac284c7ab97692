using Scim.Application.Common.Persistence;

namespace Scim.Infrastructure.Sqlite.Writes;

/// <summary>
/// <see cref="IJournalReadBarrier"/> on SQLite: nothing to wait for. The one writer numbers the journal rows as it runs
/// the writes, and a batch's rows become visible together at its commit, so a reader never sees a row while one with a
/// lower number is still to come.
/// </summary>
internal sealed class SqliteJournalReadBarrier : IJournalReadBarrier, IAsyncDisposable
{
    public ValueTask<IAsyncDisposable> EnterAsync(IScimDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IAsyncDisposable>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
