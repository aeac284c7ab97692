using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Infrastructure.Sqlite.Writes;

/// <summary>A write waiting for the writer, and then for the commit that carries it.</summary>
internal abstract class PendingWrite(Guid organizationId, int rows, CancellationToken cancellationToken)
{
    public Guid OrganizationId { get; } = organizationId;

    public int Rows { get; } = rows;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>How many times the write was undone to let small writes of other organizations go first.</summary>
    public int Yields { get; set; }

    /// <summary>
    /// Runs the write's statements; true when they are to be kept, false when they must be undone. Throws
    /// <see cref="WriteYielded"/> when a large write gives the writer up between its chunks; it is then run again later
    /// (as it is when it gives the writer up after them), and its result is the last run's.
    /// </summary>
    public abstract ValueTask<bool> RunAsync(IWriteSession session);

    /// <summary>Answers the request once its outcome is final (committed, or undone).</summary>
    public abstract void Complete();

    /// <summary>Answers the request with a failure: its statements threw, or the batch's commit failed.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>Answers a request that was cancelled before its turn; nothing of it ran.</summary>
    public abstract void Cancel();
}

/// <inheritdoc cref="PendingWrite"/>
internal sealed class PendingWrite<T>(
    Guid organizationId, int rows, Func<IWriteSession, CancellationToken, ValueTask<Result<T>>> write, CancellationToken cancellationToken)
    : PendingWrite(organizationId, rows, cancellationToken)
{
    // Continuations run on the thread pool, not on the writer, which goes on to the next batch at once.
    private readonly TaskCompletionSource<Result<T>> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Result<T> result;

    public Task<Result<T>> Task => answer.Task;

    public override async ValueTask<bool> RunAsync(IWriteSession session)
    {
        result = await write(session, CancellationToken.None);
        return result.IsSuccess;
    }

    public override void Complete() => answer.TrySetResult(result);

    public override void Fail(Exception exception) => answer.TrySetException(exception);

    public override void Cancel() => answer.TrySetCanceled(CancellationToken);
}
