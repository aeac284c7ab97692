using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>
/// Prepares every connection the reads open (the writer sets up its own):
/// <list type="bullet">
/// <item>Replaces SQLite's built-in <c>lower()</c>, which folds only ASCII letters, with .NET's invariant lower-casing,
/// so case-insensitive filters (<c>title eq "ÉQUIPE"</c>) treat "É" and "é" alike, the same way the stored
/// <c>*Normalized</c> columns were computed.</item>
/// <item>Gives the connection a page cache of <see cref="CacheKibibytes"/> instead of SQLite's 2 MiB, once per native
/// connection (pooled connections keep theirs).</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    /// <summary>
    /// The page cache of each read connection, in KiB (16 MiB). A page of users touches the b-tree pages of the users'
    /// rows, their managers and their memberships; with 2 MiB the upper levels of those indexes and the groups' names
    /// were evicted by every page, and read again from the operating system's cache: the first page of 100 users by
    /// <c>userName</c> cost about 40 % more CPU. The cache fills only as pages are read; the pool keeps about one
    /// connection per concurrent request.
    /// </summary>
    public const int CacheKibibytes = 16 * 1024;

    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    private static void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        sqlite.CreateFunction("lower", (string? value) => value?.ToLowerInvariant(), isDeterministic: true);
        if (sqlite.Handle is { } handle && !Prepared.TryGetValue(handle, out _))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = $"PRAGMA cache_size=-{CacheKibibytes};";
            command.ExecuteNonQuery();
            Prepared.AddOrUpdate(handle, handle);
        }
    }
}
