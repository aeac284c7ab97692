using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>
/// Replaces SQLite's built-in <c>lower()</c>, which folds only ASCII letters, with .NET's invariant lower-casing on
/// every connection, so case-insensitive filters (<c>title eq "ÉQUIPE"</c>) treat "É" and "é" alike, the same way
/// the stored <c>*Normalized</c> columns were computed.
/// </summary>
internal sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("lower", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
        }
    }
}
