using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>
/// Makes a query's cancellation token stop a running statement. Microsoft.Data.Sqlite looks at the token only before it
/// starts one, and a single step of a costly statement (a COUNT over a <c>co</c> filter) can run for minutes; so while a
/// reader is open, cancelling its token calls <c>sqlite3_interrupt</c> on the connection, whose statement then fails
/// with SQLITE_INTERRUPT. Each request holds its own connection, so nothing else runs on it.
/// </summary>
internal sealed class SqliteQueryInterrupt : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<DbCommand, StrongBox<CancellationTokenRegistration>> Registrations = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.CanBeCanceled && command.Connection is SqliteConnection { Handle: { } handle })
        {
            Registrations.AddOrUpdate(command, new(cancellationToken.UnsafeRegister(static h => raw.sqlite3_interrupt((sqlite3)h!), handle)));
        }

        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(command);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    private static void Release(DbCommand command)
    {
        if (Registrations.TryGetValue(command, out var registration))
        {
            registration.Value.Dispose();
            Registrations.Remove(command);
        }
    }
}
