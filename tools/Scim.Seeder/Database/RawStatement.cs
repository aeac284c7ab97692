using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Scim.Seeder.Database;

/// <summary>
/// One prepared statement on the connection's native handle, with parameters bound by position. Microsoft.Data.Sqlite
/// binds parameters by name on every execution (a lookup per parameter), which dominates a bulk load; binding by
/// position keeps a row to a few native calls. Runs inside the connection's current transaction.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private const int Done = 101;
    private const int Row = 100;

    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sql, out statement));
    }

    /// <summary>Binds parameter <paramref name="position"/> (1-based) to TEXT, or NULL.</summary>
    public void Set(int position, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, position) : raw.sqlite3_bind_text16(statement, position, value.AsSpan()));

    /// <summary>Binds parameter <paramref name="position"/> to TEXT (SQLite copies it).</summary>
    public void Set(int position, ReadOnlySpan<char> value) => Check(raw.sqlite3_bind_text16(statement, position, value));

    /// <summary>Binds parameter <paramref name="position"/> to a BLOB (SQLite copies it).</summary>
    public void Set(int position, byte[] value) => Check(raw.sqlite3_bind_blob(statement, position, value));

    /// <summary>Binds parameter <paramref name="position"/> to INTEGER.</summary>
    public void Set(int position, long value) => Check(raw.sqlite3_bind_int64(statement, position, value));

    /// <summary>Binds parameter <paramref name="position"/> to INTEGER 1/0, or NULL (how EF Core stores <c>bool?</c>).</summary>
    public void Set(int position, bool? value) =>
        Check(value is { } b ? raw.sqlite3_bind_int64(statement, position, b ? 1 : 0) : raw.sqlite3_bind_null(statement, position));

    /// <summary>Runs the statement; returns the rows it changed (0 when <c>INSERT OR IGNORE</c> ignored the row).</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != Done && rc != Row)
        {
            Check(rc);
        }

        return raw.sqlite3_changes(db);
    }

    public void Dispose() => statement.Dispose();

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, db);
}
