using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scim.Domain.Groups;
using Scim.Domain.Users;
using Scim.Infrastructure.Data;
using Scim.Infrastructure.Sqlite;
using Spectre.Console;

namespace Scim.Seeder.Database;

/// <summary>
/// The server's SQLite file, loaded with prepared <c>INSERT OR IGNORE</c> statements bound by position on the native
/// handle (<see cref="RawStatement"/>), in large transactions. For a large load it leaves WAL for an in-memory journal
/// and turns synchronous writes off, so every page is written once; the settings are restored at the end.
/// </summary>
internal sealed class SqliteTarget : ISeedTarget
{
    /// <summary>Users (with their value and address rows) per transaction.</summary>
    private const int UsersPerTransaction = 250_000;

    /// <summary>Memberships per transaction.</summary>
    private const int MembershipsPerTransaction = 2_000_000;

    private readonly SqliteConnection connection;
    private readonly IAnsiConsole console;
    private readonly List<string> dropped = [];
    private bool began;
    private string? journalMode;

    private SqliteTarget(SqliteConnection connection, IAnsiConsole console)
    {
        this.connection = connection;
        this.console = console;
    }

    public string Location => $"\"{connection.DataSource}\"";

    /// <summary>Opens the server's database file; never creates one.</summary>
    public static async Task<SqliteTarget> OpenAsync(string connectionString, IAnsiConsole console, CancellationToken cancellationToken)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new SeederException($"bad --connection \"{connectionString}\": {e.Message}", 2);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new SeederException($"bad --connection \"{connectionString}\": give the server's database file, e.g. \"Data Source=scim.db\"", 2);
        }

        // Never create a new, empty file: the database must be the server's, with its schema.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        builder.Pooling = false;
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return new SqliteTarget(connection, console);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new SeederException($"cannot open the database \"{builder.DataSource}\": {e.Message} (start the server once, or run `orgs create`, which creates and migrates it)");
        }
    }

    public Task<ScimDbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ScimDbContext(new DbContextOptionsBuilder<ScimDbContext>()
            .UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .Options));

    public Task BeginAsync(bool large, CancellationToken cancellationToken)
    {
        began = true;
        Execute("PRAGMA foreign_keys=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1048576; PRAGMA threads=2;");
        if (!large)
        {
            return Task.CompletedTask;
        }

        var mode = Scalar("PRAGMA journal_mode;") as string ?? "delete";
        try
        {
            // Out of WAL for a large load, so the data is written once (not to the log and then again to the file).
            // That needs the database to itself: with the server running, loading goes on in WAL mode.
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=MEMORY;";
            command.CommandTimeout = 1;
            command.ExecuteScalar();
            journalMode = mode;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            console.MarkupLine("[yellow]The database is in use (is the server running?); loading in WAL mode, which is slower.[/]");
        }

        return Task.CompletedTask;
    }

    // The largest rowid, read from the table's last page; a table without one (group_members) is counted.
    public Task<long> CountRowsAsync(string table, CancellationToken cancellationToken)
    {
        var withoutRowid = Scalar($"SELECT \"wr\" FROM pragma_table_list WHERE \"name\" = '{table}';") is 1L;
        var rows = Scalar($"SELECT {(withoutRowid ? "count(*)" : "coalesce(max(rowid), 0)")} FROM \"{table}\";");
        return Task.FromResult(rows is long n ? n : 0);
    }

    public Task DropIndexesAsync(IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT "name", "sql" FROM sqlite_master
                WHERE "type" = 'index' AND "sql" IS NOT NULL AND "sql" NOT LIKE 'CREATE UNIQUE%'
                  AND "tbl_name" IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, sql) in indexes)
        {
            Execute($"DROP INDEX \"{name}\";");
            dropped.Add(sql);
        }

        return Task.CompletedTask;
    }

    public async Task<(long Users, long Values, long Addresses)> WriteUsersAsync(IAsyncEnumerable<User[]> users, Action<int> written, CancellationToken cancellationToken)
    {
        using var insertUser = new SqliteRowWriter<User>(connection, SeedRows.Users, orIgnore: true);
        using var insertValue = new SqliteRowWriter<UserValue>(connection, SeedRows.Values);
        using var insertAddress = new SqliteRowWriter<UserAddress>(connection, SeedRows.Addresses);
        long userRows = 0, valueRows = 0, addressRows = 0, inTransaction = 0;
        Execute("BEGIN;");
        await foreach (var chunk in users.WithCancellation(cancellationToken))
        {
            var done = 0;
            foreach (var user in chunk)
            {
                // Ignored only when the server wrote the same user since the seeder looked: its rows are the server's.
                if (insertUser.Insert(user) == 0)
                {
                    continue;
                }

                done++;
                foreach (var value in user.Values)
                {
                    valueRows += insertValue.Insert(value);
                }

                foreach (var address in user.Addresses)
                {
                    addressRows += insertAddress.Insert(address);
                }
            }

            userRows += done;
            written(done);
            inTransaction += chunk.Length;
            if (inTransaction >= UsersPerTransaction)
            {
                Execute("COMMIT; BEGIN;");
                inTransaction = 0;
            }
        }

        Execute("COMMIT;");
        return (userRows, valueRows, addressRows);
    }

    public Task<long> WriteGroupsAsync(IReadOnlyList<Group> groups, CancellationToken cancellationToken)
    {
        using var insert = new SqliteRowWriter<Group>(connection, SeedRows.Groups, orIgnore: true);
        long written = 0;
        Execute("BEGIN;");
        foreach (var group in groups)
        {
            written += insert.Insert(group);
        }

        Execute("COMMIT;");
        return Task.FromResult(written);
    }

    public async Task<long> WriteMembershipsAsync(IAsyncEnumerable<GroupMember[]> members, Action<int> written, CancellationToken cancellationToken)
    {
        using var insert = new SqliteRowWriter<GroupMember>(connection, SeedRows.Members, orIgnore: true);
        long rows = 0, inTransaction = 0;
        Execute("BEGIN;");
        await foreach (var group in members.WithCancellation(cancellationToken))
        {
            var done = 0;
            foreach (var member in group)
            {
                rows += insert.Insert(member);
                if (++done == 10_000)
                {
                    written(done);
                    done = 0;
                }
            }

            written(done);
            inTransaction += group.Length;
            if (inTransaction >= MembershipsPerTransaction)
            {
                Execute("COMMIT; BEGIN;");
                inTransaction = 0;
            }
        }

        Execute("COMMIT;");
        return rows;
    }

    /// <summary>
    /// The indexes first, then <c>ANALYZE</c>: SQLite's statistics are per index. The writes committed as they went,
    /// and the keys and unique indexes were never dropped.
    /// </summary>
    public IReadOnlyList<FinishStep> Finish(bool wroteAnything) =>
        wroteAnything ? [new("indexes", RestoreIndexesAsync), new("ANALYZE", AnalyzeAsync)] : [new("indexes", RestoreIndexesAsync)];

    private Task RestoreIndexesAsync(Action<int, int> progress, CancellationToken cancellationToken)
    {
        var total = dropped.Count;
        for (var done = 0; dropped.Count > 0; done++)
        {
            progress(done, total);
            Execute(dropped[0]);
            dropped.RemoveAt(0);
        }

        progress(total, total);
        return Task.CompletedTask;
    }

    private Task AnalyzeAsync(Action<int, int> progress, CancellationToken cancellationToken)
    {
        Execute("ANALYZE;");
        progress(1, 1);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // Done, or a failed or cancelled load: what it committed stays (a re-run skips it); the indexes come back either way.
        RollbackIfOpen();
        foreach (var sql in dropped)
        {
            Execute(sql);
        }

        dropped.Clear();
        EndBulkLoad();
        await connection.DisposeAsync();
    }

    /// <summary>Restores the settings <see cref="BeginAsync"/> changed.</summary>
    private void EndBulkLoad()
    {
        if (!began)
        {
            return;
        }

        began = false;
        RollbackIfOpen();
        if (journalMode is not null)
        {
            Scalar($"PRAGMA journal_mode={journalMode};");
        }

        Execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    }

    private void RollbackIfOpen()
    {
        try
        {
            Execute("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // No transaction was open.
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
