using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Infrastructure.Postgres.Writes;

/// <summary>
/// <see cref="IResourceWriter"/> on PostgreSQL: each write is one READ COMMITTED transaction on a pooled connection,
/// committed durably before it is answered (<c>synchronous_commit</c> as the server is configured; PostgreSQL flushes
/// the commits that wait at the same moment together). Writes of many server instances run at once; the statements of
/// <see cref="PostgresWriteSession"/> make them race-free. A write that loses a deadlock or serialization race is
/// rolled back whole and run again. A write's journal rows are its last statements (<see cref="PostgresWriteSession.AppendJournalAsync"/>).
/// An organization has at most <see cref="WritesPerOrganization"/> writes in flight
/// in this instance, so one organization's burst cannot take every pooled connection from the others.
/// </summary>
internal sealed class PostgresResourceWriter(NpgsqlDataSource dataSource, IModel model, IDatabaseFailures failures) : IResourceWriter
{
    /// <summary>How many writes of one organization run at once in one server instance.</summary>
    public const int WritesPerOrganization = 16;

    /// <summary>How many times a write that lost a deadlock or serialization race is run again.</summary>
    private const int MaxAttempts = 8;

    private static readonly KeyValuePair<string, object?> DatabaseSystem = new("db.system", "postgresql");

    private readonly PostgresStatements statements = new(model);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> turns = new();

    public async Task<Result<T>> WriteAsync<T>(
        Guid organizationId, int rows, Func<IWriteSession, CancellationToken, ValueTask<Result<T>>> write, CancellationToken cancellationToken)
    {
        var turn = turns.GetOrAdd(organizationId, _ => new SemaphoreSlim(WritesPerOrganization, WritesPerOrganization));
        ScimMetrics.WriterQueueDepth.Add(1, DatabaseSystem);
        try
        {
            await turn.WaitAsync(cancellationToken);
        }
        finally
        {
            ScimMetrics.WriterQueueDepth.Add(-1, DatabaseSystem);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // Once it has its turn, a write runs to its end: cancelling between commit and answer would leave the
                // client not knowing whether it happened.
                await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
                await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
                try
                {
                    var session = new PostgresWriteSession(connection, statements, failures, organizationId);
                    var result = await write(session, CancellationToken.None);
                    if (result.IsSuccess)
                    {
                        // Last, so the organization's journal lock is held only for the insert and the commit.
                        await session.AppendJournalAsync();
                        await transaction.CommitAsync(CancellationToken.None);
                        ScimMetrics.WriterBatchSize.Record(1, DatabaseSystem);
                    }
                    else
                    {
                        await transaction.RollbackAsync(CancellationToken.None);
                    }

                    return result;
                }
                catch (Exception ex) when (attempt < MaxAttempts && failures.Classify(ex) == DatabaseFailure.Retryable)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    await Task.Delay(Random.Shared.Next(1, 5 * attempt), CancellationToken.None);
                }
            }
        }
        finally
        {
            turn.Release();
        }
    }
}
